package org.arrivals.attendee.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo event's schedule: three days, a plenary in the ballroom (400 seats) each morning, then
 * the nine tracks of {@link DemoEventGenerator#TRACKS} side by side in blocks, in rooms of 20 to
 * 200 seats (the small ones hold workshops), and a closing plenary. Deterministic: the same first
 * day gives the same file. Written with the schedule template's header, as an organizer's file.
 */
public final class DemoSchedule {
    public static final List<String> HEADER =
            List.of("Session ID", "Title", "Track", "Room", "Date", "Start", "End", "Capacity");

    /** A room and its seats. */
    record Room(String name, int seats) {}

    static final Room BALLROOM = new Room("Grand Ballroom", 400);

    /** One room per track, so a track's sessions stay in one place (as a conference signposts them). */
    static final List<Room> ROOMS = List.of(
            new Room("Room 101", 120),
            new Room("Room 102", 80),
            new Room("Room 103", 60),
            new Room("Room 104", 150),
            new Room("Room 201", 40),
            new Room("Room 202", 35),
            new Room("Room 203", 200),
            new Room("Workshop A", 25),
            new Room("Workshop B", 20));

    private static final String[][] BLOCKS = {
        {"10:00", "11:15"}, {"11:30", "12:45"}, {"14:00", "15:15"}, {"15:45", "17:00"}
    };

    /** Topics per track, in the order of {@link DemoEventGenerator#TRACKS}. */
    private static final String[][] TOPICS = {
        {
            "Welcoming Afghan Allies: Lessons from Two Years of Resettlement",
            "Sponsor Circles and Community Sponsorship",
            "Housing First for Newly Arrived Families",
            "Case Management That Families Trust",
            "Resettlement in Small Towns"
        },
        {
            "Asylum Backlogs and What Providers Can Do",
            "Temporary Protected Status: An Update",
            "Building a Pro Bono Network",
            "DACA After the Courts",
            "Language Justice in Immigration Court"
        },
        {
            "Credential Recognition for Foreign-Trained Professionals",
            "Immigrant Entrepreneurs and Microlending",
            "Apprenticeships That Welcome English Learners",
            "Financial Coaching in Many Languages",
            "Taller en español: crédito y ahorro para familias inmigrantes"
        },
        {
            "Adult ESL That Fits Working Lives",
            "Digital Literacy for Newcomers",
            "Interpreters as Partners, Not Afterthoughts",
            "Plain Language in Public Services",
            "Cours de français langue seconde : bonnes pratiques"
        },
        {
            "Trauma-Informed Care Across Cultures",
            "Community Health Workers in Refugee Health",
            "Mental Health First Aid for Caseworkers",
            "Access to Care Without Papers",
            "ورشة عمل: الصحة النفسية للأسر اللاجئة"
        },
        {
            "Citizenship Clinics at Scale",
            "Fee Waivers and the Naturalization Test",
            "New Americans on the Ballot",
            "Civic Leadership for Immigrant Youth",
            "Organizing Across Language Communities"
        },
        {
            "Unaccompanied Children: Schools and Services",
            "Newcomer Schools and Classroom Belonging",
            "Youth Voices Panel",
            "After-School Programs That Bridge Cultures",
            "Family Reunification and Children's Rights"
        },
        {
            "Welcoming Plans That Last Beyond an Election",
            "Municipal ID Programs",
            "Data for Welcoming Cities",
            "Libraries as Welcome Centers",
            "Police, Trust and Immigrant Communities"
        },
        {
            "Cross-Border Labor Mobility",
            "Lessons from Canada's Private Sponsorship",
            "Mexico as a Country of Destination",
            "European Approaches to Integration",
            "Climate Displacement and the Next Decade"
        }
    };

    private DemoSchedule() {}

    /** The schedule's rows (HEADER order), days {@code firstDay} to two days later. */
    public static List<List<String>> rows(LocalDate firstDay) {
        List<List<String>> out = new ArrayList<>();
        String[] plenaries = {
            "Opening Plenary: Belonging Is Built Together",
            "Morning Plenary: Welcoming Is Local",
            "Morning Plenary: What Comes Next"
        };
        for (int day = 0; day < 3; day++) {
            String date = firstDay.plusDays(day).toString();
            out.add(row("D" + (day + 1) + "-P1", plenaries[day], "", BALLROOM, date, "08:30", "09:30"));
            int blocks = day == 2 ? 2 : BLOCKS.length;
            for (int b = 0; b < blocks; b++) {
                for (int t = 0; t < DemoEventGenerator.TRACKS.size(); t++) {
                    Room room = ROOMS.get(t);
                    String topic = TOPICS[t][(day * 4 + b + t) % TOPICS[t].length];
                    String title = room.seats() <= 25 && !topic.contains(":") ? "Workshop: " + topic : topic;
                    out.add(row(
                            "D" + (day + 1) + "-B" + (b + 1) + "-T" + (t + 1),
                            title,
                            DemoEventGenerator.TRACKS.get(t),
                            room,
                            date,
                            BLOCKS[b][0],
                            BLOCKS[b][1]));
                }
            }
            if (day == 2) {
                out.add(row(
                        "D3-P2",
                        "Closing Plenary: Commitments for the Year Ahead",
                        "",
                        BALLROOM,
                        date,
                        "14:00",
                        "15:00"));
            }
        }
        return out;
    }

    /** The schedule as CSV bytes (UTF-8, CRLF), as an organizer's file would be. */
    public static byte[] csv(LocalDate firstDay) {
        StringWriter w = new StringWriter();
        try {
            CsvWriter csv =
                    CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(w);
            csv.writeRecord(HEADER);
            for (List<String> r : rows(firstDay)) {
                csv.writeRecord(r);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> row(
            String id, String title, String track, Room room, String date, String start, String end) {
        return List.of(id, title, track, room.name(), date, start, end, Integer.toString(room.seats()));
    }
}
