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
                .append("</p><p class=\"note\">")
                .append(Html.text(note))
                .append("</p></div>");
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
            if (i % 4 == 0 || slots.size() <= 8) {
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
    record StationRow(String name, StationRole role, OffsetDateTime lastSeen, boolean online, OffsetDateTime revoked) {}

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
                        .append("</span></td><td>");
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
