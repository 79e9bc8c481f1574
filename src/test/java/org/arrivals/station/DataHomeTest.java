package org.arrivals.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataHomeTest {
    @Test
    void explicitFolderWinsThenTheEnvironmentThenTheSystemDefault() {
        assertThat(DataHome.resolve(Path.of("/srv/a"), Map.of("ARRIVALS_HOME", "/srv/b"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/srv/a"));
        assertThat(DataHome.resolve(null, Map.of("ARRIVALS_HOME", "/srv/b"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/srv/b"));
        assertThat(DataHome.resolve(null, Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/arrivals"));
        assertThat(DataHome.resolve(null, Map.of("XDG_DATA_HOME", "/x"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/x/arrivals"));
        assertThat(DataHome.resolve(null, Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Arrivals"));
        assertThat(DataHome.resolve(
                        null, Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local"), "Windows 11", "C:/Users/u"))
                .isEqualTo(Path.of("C:/Users/u/AppData/Local/Arrivals"));
    }

    @Test
    void eventIdsAreSafeFolderNames() {
        assertThat(EventId.check("nir-2026")).isEqualTo("nir-2026");
        assertThatThrownBy(() -> EventId.check("../etc")).hasMessageContaining("not valid");
        assertThatThrownBy(() -> EventId.check("")).hasMessageContaining("not valid");
    }
}
