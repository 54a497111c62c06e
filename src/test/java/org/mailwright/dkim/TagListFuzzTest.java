package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The tag-list syntax of DKIM signatures and key records (RFC 6376 section 3.2) reads text a
 * stranger wrote: it parses it or refuses it with {@link TagList.TagSyntaxException}, and never
 * throws anything else; what it keeps are valid tag names with values free of white space at
 * their ends. The inputs beside this class run as regression tests in every build;
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=TagListFuzzTest} fuzzes.
 */
class TagListFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        TagList tags;
        try {
            tags = TagList.parse(text);
        } catch (TagList.TagSyntaxException refused) {
            return;
        }
        tags.asMap().forEach((name, value) -> {
            assertTrue(name.matches("[A-Za-z][A-Za-z0-9_]*"), name);
            assertEquals(TagList.stripFws(value), value);
        });
        assertTrue(tags.asMap().size() <= text.length() / 2 + 1);
    }
}
