package org.arrivals.hub.console;

import static org.arrivals.hub.console.ConsoleTables.ATTENDEE;
import static org.arrivals.hub.console.ConsoleTables.A_CODE;
import static org.arrivals.hub.console.ConsoleTables.A_FIRST;
import static org.arrivals.hub.console.ConsoleTables.A_LAST;
import static org.arrivals.hub.console.ConsoleTables.A_ORG;
import static org.arrivals.hub.console.ConsoleTables.A_STATUS;
import static org.arrivals.hub.console.ConsoleTables.A_TYPE;
import static org.arrivals.hub.console.ConsoleTables.EVENT;
import static org.arrivals.hub.console.ConsoleTables.E_CODE;
import static org.arrivals.hub.console.ConsoleTables.E_DETAILS;
import static org.arrivals.hub.console.ConsoleTables.E_HLC;
import static org.arrivals.hub.console.ConsoleTables.E_ID;
import static org.arrivals.hub.console.ConsoleTables.E_KIND;
import static org.arrivals.hub.console.ConsoleTables.E_STATION;
import static org.arrivals.hub.console.ConsoleTables.E_WALL;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.arrivals.hub.HubStore;
import org.arrivals.sync.protocol.Details;
import org.arrivals.sync.protocol.StationRole;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organizers' web console: every path of the hub outside {@code /api/} (docs/console.md).
 * Server-rendered HTML in English, Spanish, Arabic and French, with one small script that
 * refreshes the live numbers; its CSS and script are resources of this package (no CDN).
 *
 * <p>Sign-in: a one-time link ({@code arrivals hub console-link}) or a name and password
 * ({@code arrivals hub add-organizer}); a session is a cookie ({@code __Host-arrivals}: Secure,
 * HttpOnly, SameSite=Strict, path /) whose SHA-256 names the session in the hub's database, with
 * a CSRF token that every form carries and every POST must match. The sign-in form carries a
 * token bound to a cookie of its own. Wrong passwords are throttled by address and by name
 * ({@link SignInThrottle}).
 */
public final class Console extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    static final String SESSION_COOKIE = "__Host-arrivals";
    static final String PRE_COOKIE = "__Host-arrivals-signin";
    static final String LANG_COOKIE = "__Host-arrivals-lang";
    /** A station is online when the hub heard from it this recently (it notes a station at most every 30 s). */
    static final Duration ONLINE = Duration.ofSeconds(90);

    private static final int MAX_FORM_BYTES = 16 * 1024;
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Makes a new station's set-up code (the hub's certificate pin and badge key are the host's). */
    @FunctionalInterface
    public interface StationSetup {
        String setupCode(String name, StationRole role, String hubUrl);
    }

    private final HubStore store;
    private final DSLContext dsl;
    private final Organizers organizers;
    private final LiveView live;
    private final StationSetup setup;
    private final Clock clock;
    private final ZoneId zone;
    private final SignInThrottle throttle;
    private final Uploads uploads;
    private final HeldUploads held;

    public Console(HubStore store, StationSetup setup, Clock clock, ZoneId zone) {
        this(store, setup, null, clock, zone);
    }

    /** {@code uploads} null: the console takes no roster or schedule files. */
    public Console(HubStore store, StationSetup setup, Uploads uploads, Clock clock, ZoneId zone) {
        this.uploads = uploads;
        this.held = new HeldUploads(clock, uploads == null ? 0 : uploads.maxBytes());
        this.store = store;
        this.dsl = store.database();
        this.organizers = new Organizers(dsl, clock);
        this.live = new LiveView(dsl, clock, zone);
        this.setup = setup;
        this.clock = clock;
        this.zone = zone;
        this.throttle = new SignInThrottle(System::nanoTime);
    }

    /** One call, with what the console knows of its caller. */
    private record Call(Request request, Response response, Callback callback, ConsoleTexts texts, Pages pages) {
        String path() {
            return request.getHttpURI().getPath();
        }

        String method() {
            return request.getMethod();
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        String lang = query.getValue("lang");
        if (lang != null && ConsoleTexts.LANGUAGES.contains(lang)) {
            Response.addCookie(response, cookie(LANG_COOKIE, lang, Duration.ofDays(365)));
        } else {
            lang = ConsoleTexts.pick(
                    cookieValue(request, LANG_COOKIE), request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        }
        ConsoleTexts texts = ConsoleTexts.of(lang);
        Call c = new Call(request, response, callback, texts, new Pages(texts, zone));
        String path = c.path();
        String method = c.method();
        if (path.startsWith("/assets/") && method.equals("GET")) {
            asset(c, path.substring("/assets/".length()));
            return true;
        }
        if (path.startsWith("/link/") && method.equals("GET")) {
            link(c, path.substring("/link/".length()));
            return true;
        }
        if (path.equals("/signin")) {
            if (method.equals("POST")) {
                signIn(c);
            } else {
                signInPage(c, null, null, 200);
            }
            return true;
        }
        Optional<Organizers.Session> session = organizers.session(cookieValue(request, SESSION_COOKIE));
        if (session.isEmpty()) {
            if (method.equals("GET") && !path.startsWith("/live/")) {
                redirect(c, "/signin");
            } else {
                html(c, 401, c.pages().message(texts.get("signin.title"), texts.get("signin.needed")));
            }
            return true;
        }
        Organizers.Session who = session.get();
        if (method.equals("POST") && path.equals("/upload")) {
            upload(c, who);
            return true;
        }
        if (method.equals("POST")) {
            Fields form = FormFields.getFields(request, 20, MAX_FORM_BYTES);
            if (!sameOrigin(request) || !csrfMatches(who.csrf(), form.getValue("csrf"))) {
                LOG.info(
                        "Console: a form was refused ({} {}): {}",
                        method,
                        path,
                        sameOrigin(request) ? "no CSRF token, or another's" : "from another origin");
                html(c, 403, c.pages().message(texts.get("refused.title"), texts.get("refused.csrf")));
                return true;
            }
            switch (path) {
                case "/signout" -> signOut(c);
                case "/stations/revoke" -> revoke(c, who, form.getValue("name"));
                case "/stations/add" ->
                    addStation(c, who, form.getValue("name"), form.getValue("role"), form.getValue("url"));
                case "/upload/import" -> importHeld(c, who, form.getValue("id"));
                default -> html(c, 404, c.pages().message(texts.get("notfound.title"), texts.get("notfound")));
            }
            return true;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            html(c, 405, c.pages().message(texts.get("notfound.title"), texts.get("notfound")));
            return true;
        }
        switch (path) {
            case "/" -> html(c, 200, c.pages().live(live.now(), who));
            case "/live/fragment" -> fragment(c);
            case "/stations" -> stationsPage(c, who, null, null, 200);
            case "/people" -> people(c, who, query.getValue("q"));
            case "/people/history" -> history(c, who, query.getValue("code"));
            case "/upload" -> uploadPage(c, who, null, 200);
            case "/upload/preview" -> previewPage(c, who, query.getValue("id"));
            default -> html(c, 404, c.pages().message(texts.get("notfound.title"), texts.get("notfound")));
        }
        return true;
    }

    // ---- sign-in

    private void link(Call c, String token) throws IOException {
        Optional<String> organizer = organizers.useLink(token);
        if (organizer.isEmpty()) {
            LOG.info("Console: a sign-in link was refused (unknown, expired or used)");
            html(c, 403, c.pages().linkUsed());
            return;
        }
        startSession(c, organizer.get());
        LOG.info("Console: organizer {} signed in with a one-time link", organizer.get());
        html(c, 200, c.pages().signedIn());
    }

    private void startSession(Call c, String organizer) {
        Organizers.Started started = organizers.startSession(organizer);
        Response.addCookie(c.response(), cookie(SESSION_COOKIE, started.cookie(), Organizers.SESSION_VALIDITY));
        Response.addCookie(c.response(), cookie(PRE_COOKIE, "", Duration.ZERO));
    }

    private void signInPage(Call c, String problem, String name, int status) throws IOException {
        String pre = cookieValue(c.request(), PRE_COOKIE);
        if (pre == null || pre.length() != 43) {
            pre = Organizers.randomToken();
            Response.addCookie(c.response(), cookie(PRE_COOKIE, pre, Duration.ofHours(1)));
        }
        html(c, status, c.pages().signIn(pre, problem, name));
    }

    private void signIn(Call c) throws IOException {
        Fields form = FormFields.getFields(c.request(), 10, MAX_FORM_BYTES);
        String pre = cookieValue(c.request(), PRE_COOKIE);
        if (!sameOrigin(c.request()) || pre == null || !csrfMatches(pre, form.getValue("csrf"))) {
            html(
                    c,
                    403,
                    c.pages().message(c.texts().get("refused.title"), c.texts().get("refused.csrf")));
            return;
        }
        String name = form.getValue("name");
        String address = Request.getRemoteAddr(c.request());
        long wait = throttle.waitSeconds(address, name);
        if (wait > 0) {
            c.response().getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(wait));
            signInPage(c, c.texts().get("signin.wait", Long.toString(wait)), name, 429);
            return;
        }
        if (name != null && organizers.passwordMatches(name.strip(), form.getValue("password"))) {
            throttle.succeeded(address, name);
            startSession(c, name.strip());
            LOG.info("Console: organizer {} signed in with a password", name.strip());
            redirect(c, "/");
            return;
        }
        throttle.failed(address, name);
        LOG.info("Console: a wrong password from {}", address);
        signInPage(c, c.texts().get("signin.wrong"), name, 401);
    }

    private void signOut(Call c) {
        organizers.endSession(cookieValue(c.request(), SESSION_COOKIE));
        Response.addCookie(c.response(), cookie(SESSION_COOKIE, "", Duration.ZERO));
        redirect(c, "/signin");
    }

    // ---- live

    private void fragment(Call c) throws IOException {
        LiveView.Live now = live.now();
        String etag = "\"" + now.version() + "." + c.texts().language() + "\"";
        c.response().getHeaders().put(HttpHeader.ETAG, etag);
        if (etag.equals(c.request().getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            c.response().setStatus(304);
            headers(c.response(), null);
            c.response().write(true, null, c.callback());
            return;
        }
        html(c, 200, c.pages().liveFragment(now));
    }

    // ---- stations

    private void stationsPage(Call c, Organizers.Session who, Pages.Added added, String problem, int status)
            throws IOException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, HubStore.Reported> reports = store.reports();
        List<Pages.StationRow> rows = store.stations().stream()
                .map(s -> new Pages.StationRow(
                        s.name(),
                        s.role(),
                        s.lastSeen(),
                        s.revoked() == null
                                && s.lastSeen() != null
                                && Duration.between(s.lastSeen(), now).compareTo(ONLINE) <= 0,
                        s.revoked(),
                        reports.containsKey(s.name()) ? reports.get(s.name()).report() : null))
                .toList();
        html(c, status, c.pages().stations(rows, who, defaultUrl(c.request()), added, problem));
    }

    private void revoke(Call c, Organizers.Session who, String name) throws IOException {
        if (name == null || !store.revokeStation(name)) {
            stationsPage(c, who, null, c.texts().get("stations.unknown"), 404);
            return;
        }
        LOG.info("Console: organizer {} revoked station {}", who.organizer(), name);
        redirect(c, "/stations");
    }

    private void addStation(Call c, Organizers.Session who, String name, String roleId, String url) throws IOException {
        Optional<StationRole> role = StationRole.parse(roleId == null ? "" : roleId);
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
            stationsPage(c, who, null, c.texts().get("stations.name.hint"), 400);
            return;
        }
        if (role.isEmpty()) {
            stationsPage(c, who, null, c.texts().get("stations.role.bad"), 400);
            return;
        }
        String hubUrl = url == null || url.isBlank() ? defaultUrl(c.request()) : url.strip();
        if (!validHttpsUrl(hubUrl)) {
            stationsPage(c, who, null, c.texts().get("stations.url.bad"), 400);
            return;
        }
        if (setup == null) {
            stationsPage(c, who, null, c.texts().get("stations.nosetup"), 409);
            return;
        }
        String code;
        try {
            code = setup.setupCode(name, role.get(), hubUrl);
        } catch (IllegalArgumentException e) {
            // the one refusal left is a name in use by a station not revoked
            stationsPage(c, who, null, c.texts().get("stations.taken", name), 409);
            return;
        }
        LOG.info(
                "Console: organizer {} added station {} as {}",
                who.organizer(),
                name,
                role.get().id());
        stationsPage(c, who, new Pages.Added(name, code), null, 201);
    }

    public static boolean validHttpsUrl(String url) {
        try {
            URI u = URI.create(url);
            return "https".equalsIgnoreCase(u.getScheme())
                    && u.getHost() != null
                    && u.getRawPath() != null
                    && (u.getRawPath().isEmpty() || u.getRawPath().equals("/"))
                    && u.getRawQuery() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The address the organizer reached the hub at: stations on the same network reach it there too. */
    private static String defaultUrl(Request request) {
        String host = Request.getServerName(request);
        int port = Request.getServerPort(request);
        if (host == null || host.isBlank()) {
            host = "localhost";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "https://" + host + (port > 0 && port != 443 ? ":" + port : "");
    }

    // ---- roster and schedule upload

    private void uploadPage(Call c, Organizers.Session who, String problem, int status) throws IOException {
        if (uploads == null) {
            html(
                    c,
                    404,
                    c.pages().message(c.texts().get("notfound.title"), c.texts().get("upload.none")));
            return;
        }
        html(c, status, c.pages().upload(who, uploads.maxBytes(), problem));
    }

    /**
     * A file sent from the upload page (multipart, with the session's CSRF token among its fields),
     * read by the imports' rules and held under a one-time id; the organizer is sent to its
     * preview. Nothing is imported here.
     */
    private void upload(Call c, Organizers.Session who) throws IOException {
        if (uploads == null) {
            uploadPage(c, who, null, 404);
            return;
        }
        ConsoleTexts t = c.texts();
        long max = uploads.maxBytes();
        long length = c.request().getLength();
        // the form's other fields and the multipart framing take a few KB at most
        long slack = 64 * 1024;
        if (length > max + slack) {
            LOG.info(
                    "Console: organizer {} sent a file of {} bytes, over the {} allowed", who.organizer(), length, max);
            if (length <= max + 16L * 1024 * 1024) {
                // read and drop what the browser is still sending: closing with it unread resets the
                // connection, and the browser may lose the answer below before it reads it
                org.eclipse.jetty.io.Content.Source.consumeAll(c.request());
            }
            uploadPage(c, who, t.get("upload.tooBig", megabytes(max)), 413);
            return;
        }
        String contentType = c.request().getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (!sameOrigin(c.request())) {
            refused(c, "from another origin");
            return;
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            refused(c, "not a multipart form");
            return;
        }
        MultiPartFormData.Parts parts;
        try {
            MultiPartConfig config = new MultiPartConfig.Builder()
                    .maxParts(10)
                    .maxPartSize(max)
                    .maxMemoryPartSize(max)
                    .maxSize(max + slack)
                    .build();
            parts = MultiPartFormData.getParts(c.request(), c.request(), contentType, config);
        } catch (RuntimeException e) {
            LOG.info("Console: organizer {} sent an upload that could not be read: {}", who.organizer(), e.toString());
            boolean tooBig =
                    String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("max");
            uploadPage(
                    c,
                    who,
                    tooBig ? t.get("upload.tooBig", megabytes(max)) : t.get("upload.unreadable"),
                    tooBig ? 413 : 400);
            return;
        }
        try (parts) {
            if (!csrfMatches(who.csrf(), field(parts, "csrf"))) {
                refused(c, "no CSRF token, or another's");
                return;
            }
            Uploads.Kind kind = "schedule".equals(field(parts, "kind")) ? Uploads.Kind.SCHEDULE : Uploads.Kind.ROSTER;
            LocalDate firstDay = null;
            String day = field(parts, "firstDay");
            if (kind == Uploads.Kind.SCHEDULE && day != null && !day.isBlank()) {
                try {
                    firstDay = LocalDate.parse(day.strip());
                } catch (DateTimeParseException e) {
                    uploadPage(c, who, t.get("upload.firstDay.bad"), 400);
                    return;
                }
            }
            MultiPart.Part file = parts.getFirst("file");
            if (file == null || file.getFileName() == null || file.getFileName().isBlank() || file.getLength() == 0) {
                uploadPage(c, who, t.get("upload.noFile"), 400);
                return;
            }
            byte[] bytes;
            try (InputStream in = Content.Source.asInputStream(file.getContentSource())) {
                bytes = in.readAllBytes();
            }
            if (bytes.length > max) {
                uploadPage(c, who, t.get("upload.tooBig", megabytes(max)), 413);
                return;
            }
            String name = fileName(file.getFileName());
            Uploads.Preview preview = uploads.preview(kind, bytes, name, firstDay);
            HeldUploads.Held h = held.keep(who.csrf(), kind, bytes, name, firstDay, preview);
            LOG.info(
                    "Console: organizer {} uploaded a {} file for preview: {} rows, {} importable, {} problems{}",
                    who.organizer(),
                    kind.name().toLowerCase(Locale.ROOT),
                    preview.rows(),
                    preview.importable(),
                    preview.problems().size(),
                    preview.refusal() != null ? " (unreadable)" : preview.blocked() ? " (blocked)" : "");
            redirect(c, "/upload/preview?id=" + h.id());
        }
    }

    private void previewPage(Call c, Organizers.Session who, String id) throws IOException {
        Optional<HeldUploads.Held> h = held.get(id, who.csrf());
        if (h.isEmpty()) {
            uploadPage(c, who, c.texts().get("upload.gone"), 404);
            return;
        }
        html(c, 200, c.pages().preview(h.get(), who));
    }

    /** Imports exactly the file previewed under {@code id}, once. */
    private void importHeld(Call c, Organizers.Session who, String id) throws IOException {
        Optional<HeldUploads.Held> taken = held.take(id, who.csrf());
        if (taken.isEmpty()) {
            uploadPage(c, who, c.texts().get("upload.gone"), 404);
            return;
        }
        HeldUploads.Held h = taken.get();
        if (h.preview().blocked()) {
            html(c, 409, c.pages().preview(h, who));
            return;
        }
        Optional<Uploads.Imported> done;
        try {
            done = uploads.importFile(h.kind(), h.bytes(), h.fileName(), h.firstDay());
        } catch (RuntimeException e) {
            LOG.warn("Console: organizer {}'s {} import failed", who.organizer(), h.kind(), e);
            done = Optional.empty();
        }
        if (done.isEmpty()) {
            LOG.info("Console: organizer {}'s {} import was refused; nothing changed", who.organizer(), h.kind());
            html(c, 409, c.pages().preview(h, who));
            return;
        }
        Uploads.Imported r = done.get();
        LOG.info(
                "Console: organizer {} imported a {} file: {} rows, {} added or changed{}",
                who.organizer(),
                h.kind().name().toLowerCase(Locale.ROOT),
                r.rows(),
                r.changed(),
                h.kind() == Uploads.Kind.SCHEDULE ? " (schedule version " + r.version() + ")" : "");
        html(c, 200, c.pages().imported(h, r, who));
    }

    private void refused(Call c, String why) {
        LOG.info("Console: a form was refused (POST {}): {}", c.path(), why);
        html(c, 403, c.pages().message(c.texts().get("refused.title"), c.texts().get("refused.csrf")));
    }

    private static String field(MultiPartFormData.Parts parts, String name) {
        MultiPart.Part p = parts.getFirst(name);
        return p == null || p.getLength() > 1024 ? null : p.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The file's own name without any folder a browser may send, at most 200 characters. */
    private static String fileName(String sent) {
        String n = sent.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        n = n.replaceAll("\\p{Cntrl}", "");
        return n.isEmpty() ? "upload" : n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static String megabytes(long bytes) {
        return Long.toString(Math.max(1, bytes / (1024 * 1024)));
    }

    // ---- people

    private void people(Call c, Organizers.Session who, String q) throws IOException {
        List<Pages.PersonRow> found = List.of();
        if (q != null && !q.isBlank() && q.length() <= 200) {
            String like = "%"
                    + q.strip()
                            .toLowerCase(Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%";
            var name = DSL.lower(A_FIRST.concat(DSL.inline(" ")).concat(A_LAST));
            found = dsl.select(A_CODE, A_FIRST, A_LAST, A_ORG, A_TYPE, A_STATUS)
                    .from(ATTENDEE)
                    .where(name.like(like, '\\')
                            .or(DSL.lower(A_ORG).like(like, '\\'))
                            .or(DSL.lower(A_CODE).eq(q.strip().toLowerCase(Locale.ROOT))))
                    .orderBy(A_LAST, A_FIRST)
                    .limit(50)
                    .fetch(r -> new Pages.PersonRow(
                            r.get(A_CODE),
                            r.get(A_FIRST) + " " + r.get(A_LAST),
                            r.get(A_ORG),
                            r.get(A_TYPE),
                            r.get(A_STATUS)));
        }
        html(c, 200, c.pages().people(q, found, who));
    }

    private void history(Call c, Organizers.Session who, String code) throws IOException {
        var person = code == null
                ? null
                : dsl.select(A_CODE, A_FIRST, A_LAST, A_ORG, A_TYPE, A_STATUS)
                        .from(ATTENDEE)
                        .where(A_CODE.eq(code))
                        .fetchOne(r -> new Pages.PersonRow(
                                r.get(A_CODE),
                                r.get(A_FIRST) + " " + r.get(A_LAST),
                                r.get(A_ORG),
                                r.get(A_TYPE),
                                r.get(A_STATUS)));
        if (person == null) {
            html(
                    c,
                    404,
                    c.pages().message(c.texts().get("notfound.title"), c.texts().get("people.none")));
            return;
        }
        List<Pages.HistoryRow> rows = new ArrayList<>();
        dsl.select(E_ID, E_KIND, E_STATION, E_WALL, E_HLC, E_DETAILS)
                .from(EVENT)
                .where(E_CODE.eq(code))
                .orderBy(E_HLC, E_STATION, E_ID)
                .forEach(r -> rows.add(new Pages.HistoryRow(
                        r.get(E_WALL), r.get(E_KIND), r.get(E_STATION), detail(r.get(E_DETAILS)))));
        LOG.info("Console: organizer {} read the history of {}", who.organizer(), code);
        html(c, 200, c.pages().history(person, rows, who));
    }

    /** What of an event's details the history shows: its day, session or reason. */
    private static String detail(String json) {
        if (json == null) {
            return null;
        }
        try {
            Map<String, String> d = Details.fromJson(json);
            List<String> parts = new ArrayList<>();
            for (String key : List.of(Details.DAY, Details.SESSION, Details.REASON, Details.FIELD)) {
                if (d.get(key) != null) {
                    parts.add(d.get(key));
                }
            }
            return parts.isEmpty() ? null : String.join(" · ", parts);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    // ---- responses

    private void asset(Call c, String name) throws IOException {
        String type = name.equals("console.css")
                ? "text/css; charset=utf-8"
                : name.equals("console.js") ? "text/javascript; charset=utf-8" : null;
        if (type == null) {
            html(
                    c,
                    404,
                    c.pages().message(c.texts().get("notfound.title"), c.texts().get("notfound")));
            return;
        }
        byte[] bytes;
        try (InputStream in = Console.class.getResourceAsStream(name)) {
            bytes = in.readAllBytes();
        }
        c.response().setStatus(200);
        headers(c.response(), type);
        c.response().getHeaders().put(HttpHeader.CACHE_CONTROL, "max-age=3600");
        c.response().getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(bytes.length));
        c.response().write(true, ByteBuffer.wrap(bytes), c.callback());
    }

    private static void html(Call c, int status, String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        c.response().setStatus(status);
        headers(c.response(), "text/html; charset=utf-8");
        c.response().getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(bytes.length));
        c.response().write(true, ByteBuffer.wrap(bytes), c.callback());
    }

    private static void redirect(Call c, String to) {
        c.response().setStatus(303);
        headers(c.response(), null);
        c.response().getHeaders().put(HttpHeader.LOCATION, to);
        c.response().getHeaders().put(HttpHeader.CONTENT_LENGTH, "0");
        c.response().write(true, null, c.callback());
    }

    private static void headers(Response response, String type) {
        var h = response.getHeaders();
        if (type != null) {
            h.put(HttpHeader.CONTENT_TYPE, type);
        }
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on a form POST
        h.put("Referrer-Policy", "same-origin");
        h.put("X-Frame-Options", "DENY");
        h.put(HttpHeader.STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    }

    private static HttpCookie cookie(String name, String value, Duration maxAge) {
        return HttpCookie.build(name, value)
                .path("/")
                .secure(true)
                .httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT)
                .maxAge(maxAge.toSeconds())
                .build();
    }

    private static String cookieValue(Request request, String name) {
        List<HttpCookie> cookies = Request.getCookies(request);
        if (cookies == null) {
            return null;
        }
        for (HttpCookie c : cookies) {
            if (c.getName().equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }

    private static boolean csrfMatches(String expected, String given) {
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST whose Origin (when the browser sends one) is this hub's own. */
    private static boolean sameOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return true;
        }
        try {
            URI o = URI.create(origin);
            String host = Request.getServerName(request);
            int port = Request.getServerPort(request);
            int oport = o.getPort() > 0 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            String ohost =
                    o.getHost() == null ? null : o.getHost().replace("[", "").replace("]", "");
            String rhost = host == null ? null : host.replace("[", "").replace("]", "");
            return ohost != null && ohost.equalsIgnoreCase(rhost) && oport == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Starts a one-time sign-in link's token (for {@code arrivals hub console-link}). */
    public static String newLink(HubStore store, Clock clock) {
        return new Organizers(store.database(), clock).newLink();
    }

    /** Adds an organizer (or gives one a new password) and returns the password, shown once. */
    public static Organizers.Added addOrganizer(HubStore store, String name, Clock clock) {
        return new Organizers(store.database(), clock).add(name);
    }
}
