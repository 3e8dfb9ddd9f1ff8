package io.newswire.enrichment.places;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadIdsAndTranslationsInEitherByteOrderWithoutTheHeader() throws IOException {
        for (final ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            // given a catalogue as libgeonames ships them: GeoNames keys to names
            final Path mo = MoFiles.write(dir.resolve("ar-" + order + ".mo"),
                    Map.of("SY.04", "محافظة الرقة", "172955", "الرقة", "SY", "سوريا"), order);
            // then every message comes back, and the empty-id header entry does not
            assertThat(MoFile.read(mo)).as(order.toString())
                    .containsExactly(Map.entry("172955", "الرقة"), Map.entry("SY", "سوريا"), Map.entry("SY.04", "محافظة الرقة"));
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotACatalogue() throws IOException {
        final Path text = Files.writeString(dir.resolve("not.mo"), "msgid \"SY\"\nmsgstr \"سوريا\"\n");
        assertThatThrownBy(() -> MoFile.read(text)).isInstanceOf(IOException.class).hasMessageContaining("not a gettext .mo file");
    }
}
