package org.autocrm.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Test {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void encodesAndDecodesTheRfc4648VectorsWithoutPadding(String text, String base32) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(bytes)).isEqualTo(base32);
        assertThat(Base32.decode(base32)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({"mzxw6ytboi, foobar", "MZXW 6YTB OI, foobar", "MZXW6YQ=, foob"})
    void decodesWhatPeopleCopyByHand(String typed, String text) {
        assertThat(Base32.decode(typed)).isEqualTo(text.getBytes(StandardCharsets.US_ASCII));
    }
}
