package org.arrivals.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.audit.Actor;
import org.arrivals.station.HubHost;
import org.arrivals.station.Station;
import org.arrivals.sync.HubException;
import org.arrivals.sync.SyncWorker;
import org.arrivals.sync.protocol.SetupCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organizers' console on a real hub (HTTPS on loopback, its own certificate, H2) with real
 * stations joined by set-up codes: the one-time link, the cookies, CSRF, the sign-in throttle,
 * the live numbers after a sync, and revoking a station from the page.
 */
class ConsoleTest {
    @TempDir
    Path dir;

    ConsoleFixture hub;

    @BeforeEach
    void start() throws Exception {
        hub = new ConsoleFixture(dir, 60);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private ConsoleFixture.Browser signedIn() throws Exception {
        return hub.signedIn();
    }

    @Test
    void theSignInLinkWorksOnceAndItsCookieIsSecureHttpOnlyAndStrict() throws Exception {
        String link = hub.hub.consoleLink(hub.url());
        assertThat(link).matches("https://127\\.0\\.0\\.1:\\d+/link/[A-Za-z0-9_-]{43}");

        ConsoleFixture.Browser first = hub.new Browser();
        HttpResponse<String> opened = first.get(link.substring(hub.url().length()));
        assertThat(opened.statusCode()).isEqualTo(200);
        String session = opened.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(Console.SESSION_COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertThat(session)
                .contains("Secure")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/");
        assertThat(opened.body()).contains("http-equiv=\"refresh\" content=\"0;url=/\"");

        HttpResponse<String> live = first.get("/");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("id=\"arrived-today\"").contains("Sign out (organizer)");

        ConsoleFixture.Browser second = hub.new Browser();
        HttpResponse<String> again = second.get(link.substring(hub.url().length()));
        assertThat(again.statusCode()).as("a second use of the link is refused").isEqualTo(403);
        assertThat(again.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith(Console.SESSION_COOKIE + "=_"));
        assertThat(second.cookies).doesNotContainKey(Console.SESSION_COOKIE);
        assertThat(second.get("/").statusCode())
                .as("no session: to the sign-in page")
                .isEqualTo(303);

        assertThat(hub.new Browser().get("/link/not-a-link").statusCode()).isEqualTo(403);
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        hub.hub.addStation("desk-9", org.arrivals.sync.protocol.StationRole.DESK);
        ConsoleFixture.Browser b = signedIn();
        String page = b.get("/stations").body();
        String csrf = ConsoleFixture.Browser.csrf(page);

        assertThat(b.post("/stations/revoke", Map.of("name", "desk-9")).statusCode())
                .isEqualTo(403);
        assertThat(b.post("/stations/revoke", Map.of("name", "desk-9", "csrf", "x" + csrf))
                        .statusCode())
                .isEqualTo(403);
        assertThat(hub.hub.stations())
                .singleElement()
                .satisfies(s -> assertThat(s.revoked()).isNull());

        // and a form of another session's token is refused too
        ConsoleFixture.Browser other = signedIn();
        assertThat(other.post("/stations/revoke", Map.of("name", "desk-9", "csrf", csrf))
                        .statusCode())
                .isEqualTo(403);
        assertThat(hub.hub.stations().get(0).revoked()).isNull();
    }

    @Test
    void wrongPasswordsAreRateLimited() throws Exception {
        HubHost.OrganizerAdded maria = hub.hub.addOrganizer("maria");
        assertThat(maria.password()).hasSize(20);

        ConsoleFixture.Browser b = hub.new Browser();
        String form = b.get("/signin").body();
        String pre = ConsoleFixture.Browser.csrf(form);
        assertThat(b.post("/signin", Map.of("name", "maria", "password", maria.password()))
                        .statusCode())
                .as("no CSRF token: refused")
                .isEqualTo(403);
        HttpResponse<String> ok = b.post("/signin", Map.of("csrf", pre, "name", "maria", "password", maria.password()));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(b.get("/").body()).contains("Sign out (maria)");

        ConsoleFixture.Browser guesser = hub.new Browser();
        String token = ConsoleFixture.Browser.csrf(guesser.get("/signin").body());
        int refused = 0;
        int limited = 0;
        for (int i = 0; i < SignInThrottle.FREE + 2; i++) {
            int status = guesser.post("/signin", Map.of("csrf", token, "name", "maria", "password", "guess" + i))
                    .statusCode();
            if (status == 401) {
                refused++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertThat(refused).isEqualTo(SignInThrottle.FREE);
        assertThat(limited).isEqualTo(2);
        HttpResponse<String> right =
                guesser.post("/signin", Map.of("csrf", token, "name", "maria", "password", maria.password()));
        assertThat(right.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(right.body()).contains("Too many wrong passwords");
    }

    @Test
    void theLivePageShowsTheArrivedCountAfterAStationSyncs() throws Exception {
        ConsoleFixture.Browser b = signedIn();
        String before = b.get("/").body();
        assertThat(ConsoleFixture.number(before, "arrived-today")).isZero();
        int expected = ConsoleFixture.number(before, "expected");
        assertThat(expected).isPositive();

        try (Station desk = hub.joinedStation("desk-1")) {
            SyncWorker sync = ConsoleFixture.sync(desk);
            sync.syncOnce();
            List<Attendee> people = desk.attendees().all().stream()
                    .filter(a -> a.status() == org.arrivals.attendee.RegistrationStatus.ATTENDING)
                    .limit(3)
                    .toList();
            for (Attendee a : people) {
                desk.checkIns().checkIn(Actor.desk(), a.code());
            }
            assertThat(sync.syncOnce().pending()).isZero();
        }
        String after = b.get("/").body();
        assertThat(ConsoleFixture.number(after, "arrived-today")).isEqualTo(3);
        assertThat(ConsoleFixture.number(after, "arrived-ever")).isEqualTo(3);
        assertThat(after).contains("<svg").contains("chart-caption");

        HttpResponse<String> fragment = b.get("/live/fragment");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(ConsoleFixture.number(fragment.body(), "arrived-today")).isEqualTo(3);
        String etag = fragment.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> unchanged = b.http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(hub.url() + "/live/fragment"))
                        .header("Cookie", Console.SESSION_COOKIE + "=" + b.cookies.get(Console.SESSION_COOKIE))
                        .header("If-None-Match", etag)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unchanged.statusCode()).isEqualTo(304);
    }

    @Test
    void revokingAStationFromThePageMakesItsTokenRefused() throws Exception {
        try (Station desk = hub.joinedStation("desk-1")) {
            SyncWorker sync = ConsoleFixture.sync(desk);
            sync.syncOnce();
            ConsoleFixture.Browser b = signedIn();
            String page = b.get("/stations").body();
            assertThat(page).contains("desk-1").contains("Online");
            HttpResponse<String> revoked =
                    b.post("/stations/revoke", Map.of("name", "desk-1", "csrf", ConsoleFixture.Browser.csrf(page)));
            assertThat(revoked.statusCode()).isEqualTo(303);
            assertThat(b.get("/stations").body()).contains("Revoked");
            assertThatThrownBy(sync::syncOnce)
                    .isInstanceOf(HubException.class)
                    .satisfies(e -> assertThat(((HubException) e).status()).isEqualTo(401));
        }
    }

    @Test
    void addingAStationShowsItsSetUpCodeAsAQrCode() throws Exception {
        ConsoleFixture.Browser b = signedIn();
        String page = b.get("/stations").body();
        HttpResponse<String> added = b.post(
                "/stations/add",
                Map.of("name", "door-2", "role", "door", "url", hub.url(), "csrf", ConsoleFixture.Browser.csrf(page)));
        assertThat(added.statusCode()).isEqualTo(201);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"setup-code\" dir=\"ltr\">([^<]+)<")
                .matcher(added.body());
        assertThat(m.find()).isTrue();
        SetupCode code = SetupCode.read(m.group(1));
        assertThat(code.station()).isEqualTo("door-2");
        assertThat(code.hubUrl()).isEqualTo(hub.url());
        assertThat(added.body()).contains("<svg class=\"qr\"");
        assertThat(hub.hub.stations()).extracting(HubHost.Listed::name).contains("door-2");
    }

    @Test
    void everyPageSpeaksTheChosenLanguageAndArabicRightToLeft() throws Exception {
        ConsoleFixture.Browser b = signedIn();
        String arabic = b.get("/?lang=ar").body();
        assertThat(arabic).contains("<html lang=\"ar\" dir=\"rtl\">").contains("وصلوا اليوم");
        assertThat(b.get("/stations").body()).as("the choice is kept").contains("dir=\"rtl\"");
        assertThat(b.get("/?lang=es").body()).contains("Llegados hoy");
        assertThat(b.get("/?lang=fr").body()).contains("Arrivés aujourd&#39;hui");
    }
}
