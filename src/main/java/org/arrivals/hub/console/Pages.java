package org.arrivals.hub.console;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.arrivals.sync.protocol.StationRole;

/** The console's pages, as HTML strings: every number is in the page the server sends. */
final class Pages {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_HM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ConsoleTexts t;
    private final ZoneId zone;

    Pages(ConsoleTexts t, ZoneId zone) {
        this.t = t;
        this.zone = zone;
    }

    /** Which page of the navigation is open. */
    enum Nav {
        LIVE("/", "nav.live"),
        STATIONS("/stations", "nav.stations"),
        PEOPLE("/people", "nav.people"),
        UPLOAD("/upload", "nav.upload"),
        NONE(null, null);

        final String path;
        final String key;

        Nav(String path, String key) {
            this.path = path;
            this.key = key;
        }
    }

    String page(String title, Nav current, Organizers.Session session, String body) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!doctype html>\n<html lang=\"")
                .append(t.language())
                .append("\" dir=\"")
                .append(t.rtl() ? "rtl" : "ltr")
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(Html.text(title))
                .append(" · ")
                .append(Html.text(t.get("app.name")))
                .append("</title><link rel=\"stylesheet\" href=\"/assets/console.css\"></head><body>")
                .append("<a class=\"skip\" href=\"#main\">")
                .append(Html.text(t.get("skip")))
                .append("</a><header class=\"top\"><div class=\"bar\"><span class=\"brand\">")
                .append(Html.text(t.get("app.name")))
                .append("</span>");
        if (session != null) {
            b.append("<nav aria-label=\"").append(Html.attr(t.get("nav.label"))).append("\"><ul>");
            for (Nav n : Nav.values()) {
                if (n.path == null) {
                    continue;
                }
                b.append("<li><a href=\"").append(n.path).append('"');
                if (n == current) {
                    b.append(" aria-current=\"page\"");
                }
                b.append('>').append(Html.text(t.get(n.key))).append("</a></li>");
            }
            b.append("</ul></nav><form class=\"signout\" method=\"post\" action=\"/signout\">")
                    .append(csrf(session))
                    .append("<button type=\"submit\" class=\"link\">")
                    .append(Html.text(t.get("signout", session.organizer())))
                    .append("</button></form>");
        }
        b.append("</div><nav class=\"langs\" aria-label=\"")
                .append(Html.attr(t.get("lang.label")))
                .append("\"><ul>");
        for (String lang : ConsoleTexts.LANGUAGES) {
            b.append("<li><a href=\"?lang=")
                    .append(lang)
                    .append("\" lang=\"")
                    .append(lang)
                    .append("\" hreflang=\"")
                    .append(lang)
                    .append('"');
            if (lang.equals(t.language())) {
                b.append(" aria-current=\"true\"");
            }
            b.append('>')
                    .append(Html.text(ConsoleTexts.of(lang).get("lang.name")))
                    .append("</a></li>");
        }
        b.append("</ul></nav></header><main id=\"main\" tabindex=\"-1\"><h1>")
                .append(Html.text(title))
                .append("</h1>")
                .append(body)
                .append("</main><script src=\"/assets/console.js\"></script></body></html>");
        return b.toString();
    }

    static String csrf(Organizers.Session session) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.attr(session.csrf()) + "\">";
    }

    // ---- sign-in

    String signIn(String preCsrf, String problem, String name) {
        StringBuilder b = new StringBuilder();
        if (problem != null) {
            b.append("<p class=\"problem\" role=\"alert\">")
                    .append(Html.text(problem))
                    .append("</p>");
        }
        b.append("<form method=\"post\" action=\"/signin\" class=\"card form\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"")
                .append(Html.attr(preCsrf))
                .append("\"><label for=\"name\">")
                .append(Html.text(t.get("signin.name")))
                .append("</label><input id=\"name\" name=\"name\" autocomplete=\"username\" required value=\"")
                .append(Html.attr(name == null ? "" : name))
                .append("\"><label for=\"password\">")
                .append(Html.text(t.get("signin.password")))
                .append("</label><input id=\"password\" name=\"password\" type=\"password\""
                        + " autocomplete=\"current-password\" required><button type=\"submit\">")
                .append(Html.text(t.get("signin.submit")))
                .append("</button></form><p class=\"hint\">")
                .append(Html.text(t.get("signin.hint")))
                .append("</p>");
        return page(t.get("signin.title"), Nav.NONE, null, b.toString());
    }

    String linkUsed() {
        return page(
                t.get("link.refused.title"),
                Nav.NONE,
                null,
                "<p class=\"problem\" role=\"alert\">" + Html.text(t.get("link.refused"))
                        + "</p><p><a href=\"/signin\">" + Html.text(t.get("signin.title")) + "</a></p>");
    }

    String signedIn() {
        String body = "<p><a href=\"/\">" + Html.text(t.get("link.continue")) + "</a></p>";
        String html = page(t.get("link.signedin"), Nav.NONE, null, body);
        // the next page is asked for by this page itself, so the SameSite=Strict cookie goes with it
        return html.replace(
                "<meta charset=\"utf-8\">",
                "<meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url=/\">");
    }

    String message(String title, String text) {
        return page(title, Nav.NONE, null, "<p>" + Html.text(text) + "</p>");
    }

    // ---- live

    String live(LiveView.Live live, Organizers.Session session) {
        String body =
                "<div id=\"live\" data-version=\"" + Html.attr(live.version()) + "\">" + liveFragment(live) + "</div>";
        return page(t.get("live.title"), Nav.LIVE, session, body);
    }

    String liveFragment(LiveView.Live live) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<p class=\"today\">")
                .append(Html.text(t.get("live.today", live.today().toString())))
                .append("</p><div class=\"cards\">");
        card(
                b,
                "arrived-today",
                t.get("live.arrivedToday"),
                Integer.toString(live.arrivedToday()),
                t.get("live.ofExpected", Integer.toString(live.expected())));
        card(b, "expected", t.get("live.expected"), Integer.toString(live.expected()), t.get("live.expectedNote"));
        card(
                b,
                "arrived-ever",
                t.get("live.arrivedEver"),
                Integer.toString(live.arrivedEver()),
                t.get("live.arrivedEverNote"));
        b.append("</div>");

        b.append("<section aria-labelledby=\"h-chart\"><h2 id=\"h-chart\">")
                .append(Html.text(t.get("live.chart")))
                .append("</h2>");
        if (live.slots().isEmpty()) {
            b.append("<p class=\"empty\">")
                    .append(Html.text(t.get("live.chart.none")))
                    .append("</p>");
        } else {
            chart(b, live.slots());
        }
        b.append("</section><div class=\"grid\">");

        b.append("<section aria-labelledby=\"h-types\"><h2 id=\"h-types\">")
                .append(Html.text(t.get("live.byType")))
                .append("</h2>");
        if (live.byType().isEmpty()) {
            b.append("<p class=\"empty\">")
                    .append(Html.text(t.get("live.roster.none")))
                    .append("</p>");
        } else {
            b.append("<table><thead><tr><th scope=\"col\">")
                    .append(Html.text(t.get("live.type")))
                    .append("</th><th scope=\"col\" class=\"num\">")
                    .append(Html.text(t.get("live.arrived")))
                    .append("</th><th scope=\"col\" class=\"num\">")
                    .append(Html.text(t.get("live.expected")))
                    .append("</th></tr></thead><tbody>");
            for (LiveView.TypeCount c : live.byType()) {
                b.append("<tr><th scope=\"row\">")
                        .append(Html.text(c.type()))
                        .append("</th><td class=\"num\">")
                        .append(c.arrived())
                        .append("</td><td class=\"num\">")
                        .append(c.expected())
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</section>");

        b.append("<section aria-labelledby=\"h-days\"><h2 id=\"h-days\">")
                .append(Html.text(t.get("live.byDay")))
                .append("</h2>");
        if (live.byDay().isEmpty()) {
            b.append("<p class=\"empty\">")
                    .append(Html.text(t.get("live.days.none")))
                    .append("</p>");
        } else {
            b.append("<table><thead><tr><th scope=\"col\">")
                    .append(Html.text(t.get("live.day")))
                    .append("</th><th scope=\"col\" class=\"num\">")
                    .append(Html.text(t.get("live.arrived")))
                    .append("</th></tr></thead><tbody>");
            for (LiveView.DayCount d : live.byDay()) {
                b.append("<tr><th scope=\"row\">")
                        .append(d.day())
                        .append(d.day().equals(live.today()) ? " (" + Html.text(t.get("live.todayShort")) + ")" : "")
                        .append("</th><td class=\"num\">")
                        .append(d.arrived())
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</section>");

        b.append("<section aria-labelledby=\"h-sessions\"><h2 id=\"h-sessions\">")
                .append(Html.text(t.get("live.sessions")))
                .append("</h2>");
        if (live.sessions().isEmpty()) {
            b.append("<p class=\"empty\">")
                    .append(Html.text(t.get("live.sessions.none")))
                    .append("</p>");
        } else {
            b.append("<table><thead><tr><th scope=\"col\">")
                    .append(Html.text(t.get("live.session")))
                    .append("</th><th scope=\"col\">")
                    .append(Html.text(t.get("live.room")))
                    .append("</th><th scope=\"col\" class=\"num\">")
                    .append(Html.text(t.get("live.inside")))
                    .append("</th></tr></thead><tbody>");
            for (LiveView.Occupancy o : live.sessions()) {
                boolean full = o.capacity() > 0 && o.inside() >= o.capacity();
                b.append("<tr><th scope=\"row\">")
                        .append(Html.text(o.title()))
                        .append("<span class=\"sub\"><bdi>")
                        .append(Html.text(o.starts()))
                        .append("–")
                        .append(Html.text(o.ends()))
                        .append("</bdi></span></th><td>")
                        .append(Html.text(o.room()))
                        .append("</td><td class=\"num")
                        .append(full ? " full" : "")
                        .append("\"><span dir=\"ltr\">")
                        .append(Html.text(
                                t.get("live.occupancy", Integer.toString(o.inside()), Integer.toString(o.capacity()))))
                        .append("</span>")
                        .append(full ? " <span class=\"badge\">" + Html.text(t.get("live.full")) + "</span>" : "")
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</section>");

        b.append("<section aria-labelledby=\"h-delegations\"><h2 id=\"h-delegations\">")
                .append(Html.text(t.get("live.delegations")))
                .append("</h2>");
        if (live.delegations().isEmpty()) {
            b.append("<p class=\"empty\">")
                    .append(Html.text(t.get("live.delegations.none")))
                    .append("</p>");
        } else {
            b.append("<table><thead><tr><th scope=\"col\">")
                    .append(Html.text(t.get("live.organization")))
                    .append("</th><th scope=\"col\" class=\"num\">")
                    .append(Html.text(t.get("live.arrived")))
                    .append("</th><th scope=\"col\" class=\"num\">")
                    .append(Html.text(t.get("live.expected")))
                    .append("</th></tr></thead><tbody>");
            for (LiveView.Delegation d : live.delegations()) {
                b.append("<tr><th scope=\"row\">")
                        .append(Html.text(d.organization()))
                        .append("</th><td class=\"num\">")
                        .append(d.arrived())
                        .append("</td><td class=\"num\">")
                        .append(d.expected())
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
            int more = live.delegationsIncomplete() - live.delegations().size();
            if (more > 0) {
                b.append("<p class=\"hint\">")
                        .append(Html.text(t.get("live.delegations.more", Integer.toString(more))))
                        .append("</p>");
            }
        }
        b.append("</section></div>");
        return b.toString();
    }

    /** A number with its label (which names it for screen readers) and, when there is one, a note under it. */
    private static void card(StringBuilder b, String id, String label, String value, String note) {
        b.append("<div class=\"card stat\"><p class=\"label\" id=\"")
                .append(id)
                .append("-label\">")
                .append(Html.text(label))
                .append("</p><p class=\"value\" id=\"")
                .append(id)
                .append("\" aria-describedby=\"")
                .append(id)
                .append("-label\">")
                .append(Html.text(value))
                .append("</p>");
        if (note != null) {
            b.append("<p class=\"note\">").append(Html.text(note)).append("</p>");
        }
        b.append("</div>");
    }

    private void chart(StringBuilder b, List<LiveView.Slot> slots) {
        int max = slots.stream().mapToInt(LiveView.Slot::arrivals).max().orElse(1);
        int barW = 24;
        int gap = 6;
        int h = 160;
        int top = 18;
        int bottom = 22;
        int w = slots.size() * (barW + gap) + gap;
        int total = slots.stream().mapToInt(LiveView.Slot::arrivals).sum();
        String summary = t.get(
                "live.chart.summary",
                slots.get(0).start().format(HM),
                slots.get(slots.size() - 1).start().plusMinutes(15).format(HM),
                Integer.toString(total),
                Integer.toString(max));
        b.append("<figure class=\"chart\"><div class=\"scroll\" dir=\"ltr\"><svg xmlns=\"http://www.w3.org/2000/svg\""
                        + " width=\"")
                .append(w)
                .append("\" height=\"")
                .append(h + top + bottom)
                .append("\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h + top + bottom)
                .append("\" role=\"img\" aria-labelledby=\"chart-caption\">");
        b.append("<line x1=\"0\" y1=\"")
                .append(top + h)
                .append("\" x2=\"")
                .append(w)
                .append("\" y2=\"")
                .append(top + h)
                .append("\" stroke=\"#5c6670\"/>");
        for (int i = 0; i < slots.size(); i++) {
            LiveView.Slot s = slots.get(i);
            int bh = max == 0 ? 0 : Math.round((float) h * s.arrivals() / max);
            int x = gap + i * (barW + gap);
            b.append("<g><title>")
                    .append(s.start().format(HM))
                    .append(": ")
                    .append(s.arrivals())
                    .append("</title><rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(top + h - bh)
                    .append("\" width=\"")
                    .append(barW)
                    .append("\" height=\"")
                    .append(bh)
                    .append("\" fill=\"#1d5fa8\"/>");
            if (s.arrivals() > 0) {
                b.append("<text x=\"")
                        .append(x + barW / 2)
                        .append("\" y=\"")
                        .append(top + h - bh - 4)
                        .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1b1f23\">")
                        .append(s.arrivals())
                        .append("</text>");
            }
            // a time is about 32 px wide at this size and a bar's pitch 30: every half hour when the
            // morning is short, every hour after, so no two times overlap
            if (i % (slots.size() <= 8 ? 2 : 4) == 0) {
                b.append("<text x=\"")
                        .append(x + barW / 2)
                        .append("\" y=\"")
                        .append(top + h + 15)
                        .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1b1f23\">")
                        .append(s.start().format(HM))
                        .append("</text>");
            }
            b.append("</g>");
        }
        b.append("</svg></div><figcaption id=\"chart-caption\">")
                .append(Html.text(summary))
                .append("</figcaption></figure>");
    }

    // ---- stations

    /** A station as the page lists it. */
    record StationRow(
            String name,
            StationRole role,
            OffsetDateTime lastSeen,
            boolean online,
            OffsetDateTime revoked,
            org.arrivals.sync.protocol.StationReport report) {}

    /** A station just added: its name and set-up code (shown once). */
    record Added(String name, String setupCode) {}

    String stations(List<StationRow> rows, Organizers.Session session, String defaultUrl, Added added, String problem) {
        StringBuilder b = new StringBuilder(4096);
        if (problem != null) {
            b.append("<p class=\"problem\" role=\"alert\">")
                    .append(Html.text(problem))
                    .append("</p>");
        }
        if (added != null) {
            b.append("<section class=\"card added\" aria-labelledby=\"h-added\"><h2 id=\"h-added\">")
                    .append(Html.text(t.get("stations.added", added.name())))
                    .append("</h2><p>")
                    .append(Html.text(t.get("stations.added.how")))
                    .append("</p>")
                    .append(Qr.svg(added.setupCode(), t.get("stations.qr", added.name())))
                    .append("<p class=\"code\"><code id=\"setup-code\" dir=\"ltr\">")
                    .append(Html.text(added.setupCode()))
                    .append("</code></p><p class=\"warn\">")
                    .append(Html.text(t.get("stations.added.secret")))
                    .append("</p></section>");
        }
        b.append("<section aria-labelledby=\"h-list\"><h2 id=\"h-list\">")
                .append(Html.text(t.get("stations.list")))
                .append("</h2>");
        if (rows.isEmpty()) {
            b.append("<p class=\"empty\">")
                    .append(Html.text(t.get("stations.none")))
                    .append("</p>");
        } else {
            b.append("<table class=\"stations\"><thead><tr><th scope=\"col\">")
                    .append(Html.text(t.get("stations.name")))
                    .append("</th><th scope=\"col\">")
                    .append(Html.text(t.get("stations.role")))
                    .append("</th><th scope=\"col\">")
                    .append(Html.text(t.get("stations.lastSeen")))
                    .append("</th><th scope=\"col\">")
                    .append(Html.text(t.get("stations.state")))
                    .append("</th><th scope=\"col\">")
                    .append(Html.text(t.get("stations.printer")))
                    .append("</th><th scope=\"col\" class=\"num\">")
                    .append(Html.text(t.get("stations.pending")))
                    .append("</th><th scope=\"col\" class=\"num\">")
                    .append(Html.text(t.get("stations.quarantined")))
                    .append("</th><th scope=\"col\"><span class=\"sr\">")
                    .append(Html.text(t.get("stations.actions")))
                    .append("</span></th></tr></thead><tbody>");
            for (StationRow r : rows) {
                String state = r.revoked() != null ? "revoked" : r.online() ? "online" : "offline";
                b.append("<tr><th scope=\"row\"><bdi>")
                        .append(Html.text(r.name()))
                        .append("</bdi></th><td data-label=\"")
                        .append(Html.attr(t.get("stations.role")))
                        .append("\">")
                        .append(Html.text(t.get("role." + r.role().id())))
                        .append("</td><td data-label=\"")
                        .append(Html.attr(t.get("stations.lastSeen")))
                        .append("\">")
                        .append(
                                r.lastSeen() == null
                                        ? Html.text(t.get("stations.never"))
                                        : "<bdi>"
                                                + r.lastSeen()
                                                        .atZoneSameInstant(zone)
                                                        .format(DAY_HM) + "</bdi>")
                        .append("</td><td data-label=\"")
                        .append(Html.attr(t.get("stations.state")))
                        .append("\"><span class=\"state ")
                        .append(state)
                        .append("\">")
                        .append(Html.text(t.get("stations." + state)))
                        .append("</span></td>");
                var rep = r.report();
                String printerKey = rep == null ? null : "printer." + rep.printer();
                String printer = rep == null ? t.get("stations.unreported") : t.get(printerKey);
                if (printer.equals(printerKey)) {
                    printer = t.get("printer.PRINTER_ERROR");
                }
                boolean printerOk = rep != null
                        && (rep.printer().equals("READY") || rep.printer().equals("PAUSED"));
                b.append("<td data-label=\"")
                        .append(Html.attr(t.get("stations.printer")))
                        .append("\" class=\"printer")
                        .append(
                                rep == null
                                        ? ""
                                        : printerOk ? " ok" : rep.printer().equals("NOT_CHOSEN") ? "" : " bad")
                        .append("\"")
                        .append(rep == null ? "" : " data-printer=\"" + Html.attr(rep.printer()) + "\"")
                        .append('>')
                        .append(Html.text(printer))
                        .append("</td><td data-label=\"")
                        .append(Html.attr(t.get("stations.pending")))
                        .append("\" class=\"num pending\">")
                        .append(rep == null ? "–" : Integer.toString(rep.pending()))
                        .append("</td><td data-label=\"")
                        .append(Html.attr(t.get("stations.quarantined")))
                        .append("\" class=\"num quarantined")
                        .append(rep != null && rep.quarantined() > 0 ? " bad" : "")
                        .append("\">")
                        .append(rep == null ? "–" : Integer.toString(rep.quarantined()))
                        .append("</td><td>");
                if (r.revoked() == null) {
                    b.append("<form method=\"post\" action=\"/stations/revoke\">")
                            .append(csrf(session))
                            .append("<input type=\"hidden\" name=\"name\" value=\"")
                            .append(Html.attr(r.name()))
                            .append("\"><button type=\"submit\" class=\"danger\">")
                            .append(Html.text(t.get("stations.revoke")))
                            .append("<span class=\"sr\"> ")
                            .append(Html.text(r.name()))
                            .append("</span></button></form>");
                }
                b.append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</section>");
        b.append("<section aria-labelledby=\"h-add\"><h2 id=\"h-add\">")
                .append(Html.text(t.get("stations.add")))
                .append("</h2><form method=\"post\" action=\"/stations/add\" class=\"card form\">")
                .append(csrf(session))
                .append("<label for=\"st-name\">")
                .append(Html.text(t.get("stations.name")))
                .append("</label><input id=\"st-name\" name=\"name\" required maxlength=\"100\""
                        + " pattern=\"[A-Za-z0-9._\\-]{1,100}\" aria-describedby=\"st-name-hint\" dir=\"ltr\">")
                .append("<p class=\"hint\" id=\"st-name-hint\">")
                .append(Html.text(t.get("stations.name.hint")))
                .append("</p><label for=\"st-role\">")
                .append(Html.text(t.get("stations.role")))
                .append("</label><select id=\"st-role\" name=\"role\">");
        for (StationRole role :
                List.of(StationRole.DESK, StationRole.SELF_SERVICE, StationRole.DOOR, StationRole.ADMIN)) {
            b.append("<option value=\"")
                    .append(role.id())
                    .append("\">")
                    .append(Html.text(t.get("role." + role.id())))
                    .append("</option>");
        }
        b.append("</select><label for=\"st-url\">")
                .append(Html.text(t.get("stations.url")))
                .append("</label><input id=\"st-url\" name=\"url\" required dir=\"ltr\" value=\"")
                .append(Html.attr(defaultUrl))
                .append("\" aria-describedby=\"st-url-hint\"><p class=\"hint\" id=\"st-url-hint\">")
                .append(Html.text(t.get("stations.url.hint")))
                .append("</p><button type=\"submit\">")
                .append(Html.text(t.get("stations.add.submit")))
                .append("</button></form></section>");
        return page(t.get("stations.title"), Nav.STATIONS, session, b.toString());
    }

    // ---- upload

    String upload(Organizers.Session session, long maxBytes, String problem) {
        StringBuilder b = new StringBuilder(4096);
        if (problem != null) {
            b.append("<p class=\"problem\" role=\"alert\">")
                    .append(Html.text(problem))
                    .append("</p>");
        }
        b.append("<p>").append(Html.text(t.get("upload.intro"))).append("</p><div class=\"uploads\">");
        uploadForm(b, session, "roster", maxBytes);
        uploadForm(b, session, "schedule", maxBytes);
        b.append("</div>");
        return page(t.get("upload.title"), Nav.UPLOAD, session, b.toString());
    }

    private void uploadForm(StringBuilder b, Organizers.Session session, String kind, long maxBytes) {
        String id = "up-" + kind;
        b.append("<section aria-labelledby=\"h-")
                .append(id)
                .append("\"><h2 id=\"h-")
                .append(id)
                .append("\">")
                .append(Html.text(t.get("upload." + kind)))
                .append("</h2><form method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\""
                        + " class=\"card form\">")
                .append(csrf(session))
                .append("<input type=\"hidden\" name=\"kind\" value=\"")
                .append(kind)
                .append("\"><p class=\"hint\" id=\"")
                .append(id)
                .append("-hint\">")
                .append(Html.text(
                        t.get("upload." + kind + ".hint", Long.toString(Math.max(1, maxBytes / (1024 * 1024))))))
                .append("</p><label for=\"")
                .append(id)
                .append("-file\">")
                .append(Html.text(t.get("upload.file")))
                .append("</label><input id=\"")
                .append(id)
                .append("-file\" name=\"file\" type=\"file\" required accept=\".csv,.xlsx,.txt,text/csv,"
                        + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\" aria-describedby=\"")
                .append(id)
                .append("-hint\">");
        if (kind.equals("schedule")) {
            b.append("<label for=\"up-first-day\">")
                    .append(Html.text(t.get("upload.firstDay")))
                    .append("</label><input id=\"up-first-day\" name=\"firstDay\" type=\"date\""
                            + " aria-describedby=\"up-first-day-hint\"><p class=\"hint\" id=\"up-first-day-hint\">")
                    .append(Html.text(t.get("upload.firstDay.hint")))
                    .append("</p>");
        }
        b.append("<button type=\"submit\">")
                .append(Html.text(t.get("upload.preview.submit")))
                .append("</button></form></section>");
    }

    String preview(HeldUploads.Held held, Organizers.Session session) {
        Uploads.Preview p = held.preview();
        String kind = p.kind() == Uploads.Kind.ROSTER ? "roster" : "schedule";
        StringBuilder b = new StringBuilder(8192);
        b.append("<p class=\"sub\"><bdi dir=\"ltr\">")
                .append(Html.text(held.fileName()))
                .append("</bdi></p>");
        if (p.refusal() != null) {
            b.append("<div class=\"problem\" role=\"alert\"><p>")
                    .append(Html.text(
                            p.refusalLine() > 0
                                    ? t.get("upload.unreadable.line", Long.toString(p.refusalLine()))
                                    : t.get("upload.unreadable.file")))
                    .append("</p><p class=\"detail\" lang=\"en\" dir=\"ltr\">")
                    .append(Html.text(p.refusal()))
                    .append("</p><p>")
                    .append(Html.text(t.get("upload.nothing")))
                    .append("</p></div>");
            b.append("<p><a href=\"/upload\">")
                    .append(Html.text(t.get("upload.again")))
                    .append("</a></p>");
            return page(t.get("upload.preview.title." + kind), Nav.UPLOAD, session, b.toString());
        }
        long blocking = p.problems().stream().filter(Uploads.Problem::blocks).count();
        long skipped = Math.max(0, p.rows() - p.importable());
        b.append("<div class=\"cards\">");
        stat(b, "up-rows", t.get("upload.rows"), p.rows());
        stat(b, "up-importable", t.get("upload.importable." + kind), p.importable());
        stat(
                b,
                "up-problems",
                t.get("upload.problemLines"),
                p.problems().stream().map(Uploads.Problem::line).distinct().count());
        b.append("</div>");
        if (p.blocked()) {
            b.append("<p class=\"problem\" role=\"alert\">")
                    .append(Html.text(
                            blocking > 0
                                    ? t.get("upload.blocked", Long.toString(blocking))
                                    : t.get("upload.blocked.empty")))
                    .append("</p>");
        } else {
            b.append("<form method=\"post\" action=\"/upload/import\" class=\"card confirm\">")
                    .append(csrf(session))
                    .append("<input type=\"hidden\" name=\"id\" value=\"")
                    .append(Html.attr(held.id()))
                    .append("\"><p>")
                    .append(Html.text(
                            t.get("upload.confirm." + kind, Integer.toString(p.importable()), Long.toString(skipped))))
                    .append("</p><button type=\"submit\" id=\"import\">")
                    .append(Html.text(t.get("upload.import." + kind, Integer.toString(p.importable()))))
                    .append("</button> <a href=\"/upload\">")
                    .append(Html.text(t.get("upload.cancel")))
                    .append("</a></form>");
        }
        if (!p.warnings().isEmpty()) {
            b.append("<section aria-labelledby=\"h-warn\"><h2 id=\"h-warn\">")
                    .append(Html.text(t.get("upload.warnings")))
                    .append("</h2><ul class=\"warnings\">");
            for (String w : p.warnings()) {
                int colon = w.indexOf(':');
                String k = colon < 0 ? w : w.substring(0, colon);
                String column = colon < 0 ? "" : w.substring(colon + 1);
                b.append("<li>")
                        .append(Html.text(t.get("warning." + k, column)))
                        .append("</li>");
            }
            b.append("</ul></section>");
        }
        if (!p.problems().isEmpty()) {
            b.append("<section aria-labelledby=\"h-problems\"><h2 id=\"h-problems\">")
                    .append(Html.text(t.get("upload.problems")))
                    .append(
                            "</h2><div class=\"scroll\"><table class=\"problems\"><thead><tr><th scope=\"col\" class=\"num\">")
                    .append(Html.text(t.get("upload.line")))
                    .append("</th><th scope=\"col\">")
                    .append(Html.text(t.get("upload.code")))
                    .append("</th><th scope=\"col\">")
                    .append(Html.text(t.get("upload.what")))
                    .append("</th></tr></thead><tbody>");
            int shown = 0;
            for (Uploads.Problem x : p.problems()) {
                if (++shown > MAX_PROBLEMS_SHOWN) {
                    break;
                }
                b.append("<tr")
                        .append(x.blocks() ? " class=\"blocks\"" : "")
                        .append("><td class=\"num\">")
                        .append(x.line())
                        .append("</td><td class=\"code\"><bdi dir=\"ltr\">")
                        .append(Html.text(x.code() == null ? "" : x.code()))
                        .append("</bdi></td><td>")
                        .append(problem(x))
                        .append("</td></tr>");
            }
            b.append("</tbody></table></div>");
            if (p.problems().size() > MAX_PROBLEMS_SHOWN) {
                b.append("<p class=\"hint\">")
                        .append(Html.text(t.get(
                                "upload.problems.more",
                                Integer.toString(p.problems().size() - MAX_PROBLEMS_SHOWN))))
                        .append("</p>");
            }
            b.append("</section>");
        }
        if (!p.mapping().isEmpty()) {
            b.append("<section aria-labelledby=\"h-mapping\"><h2 id=\"h-mapping\">")
                    .append(Html.text(t.get("upload.mapping")))
                    .append("</h2><table class=\"mapping\"><thead><tr><th scope=\"col\">")
                    .append(Html.text(t.get("upload.field")))
                    .append("</th><th scope=\"col\">")
                    .append(Html.text(t.get("upload.column")))
                    .append("</th></tr></thead><tbody>");
            p.mapping()
                    .forEach((field, header) -> b.append("<tr><th scope=\"row\">")
                            .append(Html.text(fieldName(field)))
                            .append("</th><td><bdi>")
                            .append(Html.text(header))
                            .append("</bdi></td></tr>"));
            b.append("</tbody></table></section>");
        }
        if (!p.firstRows().isEmpty()) {
            b.append("<section aria-labelledby=\"h-first\"><h2 id=\"h-first\">")
                    .append(Html.text(
                            t.get("upload.first", Integer.toString(p.firstRows().size()))))
                    .append("</h2><div class=\"scroll\"><table class=\"first\"><thead><tr>");
            for (String f : p.fields()) {
                b.append("<th scope=\"col\"")
                        .append(f.equals("line") ? " class=\"num\"" : "")
                        .append('>')
                        .append(Html.text(fieldName(f)))
                        .append("</th>");
            }
            b.append("</tr></thead><tbody>");
            for (List<String> row : p.firstRows()) {
                b.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    String f = i < p.fields().size() ? p.fields().get(i) : "";
                    String v = f.equals("status") ? t.get("status." + row.get(i)) : row.get(i);
                    b.append(f.equals("line") ? "<td class=\"num\">" : "<td><bdi>")
                            .append(Html.text(v))
                            .append(f.equals("line") ? "</td>" : "</bdi></td>");
                }
                b.append("</tr>");
            }
            b.append("</tbody></table></div></section>");
        }
        b.append("<p><a href=\"/upload\">")
                .append(Html.text(t.get("upload.again")))
                .append("</a></p>");
        return page(t.get("upload.preview.title." + kind), Nav.UPLOAD, session, b.toString());
    }

    /** How many problems a preview lists (the count is always whole). */
    static final int MAX_PROBLEMS_SHOWN = 200;

    private String fieldName(String field) {
        String key = "field." + field;
        String word = t.get(key);
        return word.equals(key) ? field : word;
    }

    /** A problem in words: its kind's sentence with its values; a schedule row's details are the importer's English. */
    private String problem(Uploads.Problem x) {
        List<String> a = x.args();
        String arg0 = a.isEmpty() ? "" : a.get(0);
        String arg1 = a.size() < 2 ? "" : a.get(1);
        return switch (x.kind()) {
            case "SCHEDULE_ROW" -> scheduleRow(x);
            case "TOO_LONG" -> Html.text(t.get("problem.TOO_LONG", fieldName(arg0), arg1));
            case "BLOCKED_STATUS" ->
                Html.text(t.get("problem.BLOCKED_STATUS", t.get("status." + arg0.toUpperCase(java.util.Locale.ROOT))));
            case Uploads.CONTRACT ->
                Html.text(t.get("problem.CONTRACT", arg0, t.get("rule." + arg1), a.size() < 3 ? "" : a.get(2)));
            default -> {
                String key = "problem." + x.kind();
                String word = t.get(key, arg0, arg1);
                yield Html.text(word.equals(key) ? x.kind() + " " + String.join(" ", a) : word);
            }
        };
    }

    /** A schedule row's reasons, each in words; the importer's English only when a reason is not known by name. */
    private String scheduleRow(Uploads.Problem x) {
        if (x.reasons().isEmpty()) {
            return Html.text(t.get("problem.SCHEDULE_ROW")) + " <span class=\"detail\" lang=\"en\" dir=\"ltr\">"
                    + Html.text(x.args().isEmpty() ? "" : x.args().get(0)) + "</span>";
        }
        StringBuilder b = new StringBuilder(Html.text(t.get("problem.SCHEDULE_ROW")));
        b.append("<ul class=\"why\">");
        for (Uploads.Reason r : x.reasons()) {
            Object[] args = new Object[1 + r.values().size()];
            args[0] = r.column() == null ? "" : fieldName("s." + r.column());
            for (int i = 0; i < r.values().size(); i++) {
                args[i + 1] = r.values().get(i);
            }
            String key = "why." + r.why();
            String word = t.get(key, args);
            b.append("<li>")
                    .append(Html.text(word.startsWith(key) ? r.why() + " " + String.join(" ", r.values()) : word))
                    .append("</li>");
        }
        return b.append("</ul>").toString();
    }

    String imported(HeldUploads.Held held, Uploads.Imported r, Organizers.Session session) {
        String kind = held.kind() == Uploads.Kind.ROSTER ? "roster" : "schedule";
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"done\" role=\"status\">")
                .append(Html.text(t.get(
                        "upload.done." + kind,
                        Integer.toString(r.rows()),
                        Integer.toString(r.changed()),
                        Long.toString(r.version()))))
                .append("</p><div class=\"cards\">");
        stat(b, "done-rows", t.get("upload.read." + kind), r.rows());
        stat(b, "done-changed", t.get("upload.changed." + kind), r.changed());
        b.append("</div><p class=\"hint\">")
                .append(Html.text(t.get("upload.done.stations")))
                .append("</p><p><a href=\"/\">")
                .append(Html.text(t.get("upload.toLive")))
                .append("</a> · <a href=\"/upload\">")
                .append(Html.text(t.get("upload.another")))
                .append("</a></p>");
        return page(t.get("upload.done.title"), Nav.UPLOAD, session, b.toString());
    }

    private static void stat(StringBuilder b, String id, String label, long value) {
        card(b, id, label, Long.toString(value), null);
    }

    // ---- people

    /** A person found: code, name, organization, type, status. */
    record PersonRow(String code, String name, String organization, String type, String status) {}

    /** One event of a person's history. */
    record HistoryRow(OffsetDateTime at, String kind, String station, String detail) {}

    String people(String query, List<PersonRow> found, Organizers.Session session) {
        StringBuilder b = new StringBuilder();
        b.append("<form method=\"get\" action=\"/people\" class=\"search\" role=\"search\"><label for=\"q\">")
                .append(Html.text(t.get("people.search")))
                .append("</label><div class=\"row\"><input id=\"q\" name=\"q\" type=\"search\" value=\"")
                .append(Html.attr(query == null ? "" : query))
                .append("\"><button type=\"submit\">")
                .append(Html.text(t.get("people.submit")))
                .append("</button></div></form>");
        if (query != null && !query.isBlank()) {
            if (found.isEmpty()) {
                b.append("<p class=\"empty\">")
                        .append(Html.text(t.get("people.none")))
                        .append("</p>");
            } else {
                b.append("<ul class=\"people\">");
                for (PersonRow p : found) {
                    b.append("<li><a href=\"/people/history?code=")
                            .append(java.net.URLEncoder.encode(p.code(), java.nio.charset.StandardCharsets.UTF_8))
                            .append("\"><bdi>")
                            .append(Html.text(p.name()))
                            .append("</bdi></a> <span class=\"sub\"><bdi>")
                            .append(Html.text(p.organization()))
                            .append("</bdi> · <bdi>")
                            .append(Html.text(p.type()))
                            .append("</bdi> · <bdi dir=\"ltr\">")
                            .append(Html.text(p.code()))
                            .append("</bdi></span></li>");
                }
                b.append("</ul>");
            }
        }
        return page(t.get("people.title"), Nav.PEOPLE, session, b.toString());
    }

    String history(PersonRow person, List<HistoryRow> rows, Organizers.Session session) {
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"sub\"><bdi>")
                .append(Html.text(person.organization()))
                .append("</bdi> · <bdi>")
                .append(Html.text(person.type()))
                .append("</bdi> · <bdi dir=\"ltr\">")
                .append(Html.text(person.code()))
                .append("</bdi> · ")
                .append(Html.text(t.get("status." + person.status())))
                .append("</p>");
        if (rows.isEmpty()) {
            b.append("<p class=\"empty\">")
                    .append(Html.text(t.get("history.none")))
                    .append("</p>");
        } else {
            b.append("<table><thead><tr><th scope=\"col\">")
                    .append(Html.text(t.get("history.when")))
                    .append("</th><th scope=\"col\">")
                    .append(Html.text(t.get("history.what")))
                    .append("</th><th scope=\"col\">")
                    .append(Html.text(t.get("history.station")))
                    .append("</th></tr></thead><tbody>");
            for (HistoryRow r : rows) {
                b.append("<tr><td><bdi>")
                        .append(r.at().atZoneSameInstant(zone).format(DAY_HM))
                        .append("</bdi></td><td>")
                        .append(Html.text(t.get("kind." + r.kind())))
                        .append(
                                r.detail() == null
                                        ? ""
                                        : " <span class=\"sub\"><bdi>" + Html.text(r.detail()) + "</bdi></span>")
                        .append("</td><td><bdi>")
                        .append(Html.text(r.station()))
                        .append("</bdi></td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<p><a href=\"/people\">")
                .append(Html.text(t.get("history.back")))
                .append("</a></p>");
        return page(person.name(), Nav.PEOPLE, session, b.toString());
    }

    static String today(LocalDate d) {
        return d.toString();
    }
}
