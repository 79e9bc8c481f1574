package org.arrivals.testing;

import static org.arrivals.testing.Files2.crlf;

/** Registration exports as they really arrive, shared by the import and CLI tests. */
public final class Exports {
    private Exports() {}

    /** An Eventbrite-style export as it really arrives: BOM, CRLF, a quoted line break, a formula, many scripts. */
    public static final String MESSY_EVENTBRITE = crlf(
            "Attendee #,Barcode #,First Name,Last Name,Email,Company,Job Title,Ticket Type,Attendee Status,Dietary needs",
            "1001,B-1001,José,Martínez García,jose@example.org,\"Casa de Esperanza, Inc.\",Director,General Admission,Attending,",
            "1002,B-1002,Nguyễn,Thị Minh Khai,minh@example.org,Boat People SOS,Caseworker,Speaker,Attending,\"No pork",
            "no alcohol\"",
            "",
            "1003,B-1003,محمد,عبد الله,m@example.org,\"=HYPERLINK(\"\"http://evil\"\")\",Organizer,general admission,Attending,Halal",
            "1001,B-9999,Duplicate,Person,dup@example.org,Somewhere,,General Admission,Attending,",
            "1004,B-1004,Łukasz,Żółć,lz@example.org,Polish Community Center,,Volunteer,Cancelled,",
            "1005,B-1005,  Aung San  ,,aung@example.org,Burmese American Community Institute,,Press,Attending,",
            "1006,B-1006,አበበ,በቀለ,abebe@example.org,Ethiopian Community Association,,Sponsor,Attending,",
            ",B-1007,No,Code,nocode@example.org,,,,Attending,",
            "1008,B-1008,,,,,,,Attending,");
}
