package org.mailwright.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one check of the whole catalogue: every declared finding type has a well-formed unique id
 * and its three texts in English and in Spanish, and the bundles hold nothing that is not declared.
 */
class FindingRegistryTest {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final List<String> AREAS = List.of("spf", "dkim", "dmarc", "ns", "mx", "mtasts", "tlsrpt", "bimi",
            "dnssec", "dane", "dnsbl", "smtp", "check", "reports", "message");
    private static final List<String> CATALOGUES = List.of("spf", "dkim", "dmarc", CheckFinding.CATALOGUE, "reports", "message");

    static List<FindingType> types() {
        return FindingRegistry.all();
    }

    @Test
    void idsAreWellFormedAndUnique() {
        Set<String> seen = new HashSet<>();
        for (FindingType type : FindingRegistry.all()) {
            assertTrue(ID.matcher(type.id()).matches(), type.id());
            assertTrue(seen.add(type.id()), "declared twice: " + type.id());
            assertTrue(AREAS.contains(type.area()), type.id());
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeIsDescribedInEnglishAndSpanish(FindingType type) throws IOException {
        Properties english = bundle(type.catalogue(), "");
        Properties spanish = bundle(type.catalogue(), "_es");
        Finding sample = type.of(sampleArguments(type).toArray());
        for (FindingCatalogue.Part part : FindingCatalogue.Part.values()) {
            String key = type.id() + "." + part.key();
            assertTrue(english.containsKey(key), key + " in English");
            assertTrue(spanish.containsKey(key), key + " in Spanish");
        }
        for (Locale locale : List.of(Locale.ENGLISH, SPANISH)) {
            for (String text : List.of(sample.message(locale), sample.why(locale), sample.fix(locale))) {
                assertFalse(text.isBlank() || text.startsWith("[") || text.contains("{") || text.contains("}"),
                        type.id() + " in " + locale + ": " + text);
            }
        }
        assertNotEquals(sample.message(Locale.ENGLISH), sample.message(SPANISH), type.id() + " is translated");
        assertNotEquals(sample.why(Locale.ENGLISH), sample.why(SPANISH), type.id() + " is translated");
        assertNotEquals(sample.fix(Locale.ENGLISH), sample.fix(SPANISH), type.id() + " is translated");
    }

    @Test
    void theBundlesHoldExactlyTheDeclaredTypes() throws IOException {
        for (String catalogue : CATALOGUES) {
            Set<String> declared = FindingRegistry.all().stream()
                    .filter(type -> type.catalogue().equals(catalogue))
                    .flatMap(type -> List.of(FindingCatalogue.Part.values()).stream().map(part -> type.id() + "." + part.key()))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(declared, new TreeSet<>(bundle(catalogue, "").stringPropertyNames()), catalogue + " in English");
            assertEquals(declared, new TreeSet<>(bundle(catalogue, "_es").stringPropertyNames()), catalogue + " in Spanish");
        }
    }

    @Test
    void eachIdIsFoundByItsName() {
        assertEquals(SpfFinding.TOO_MANY_LOOKUPS, FindingRegistry.byId("SPF.too-many-lookups ").orElseThrow());
        assertTrue(FindingRegistry.byId("spf.nothing-like-this").isEmpty());
    }

    @Test
    void englishIsTheBaseWhateverTheMachinesLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(SPANISH);
            assertTrue(DmarcFinding.NO_RUA.of().message(Locale.ENGLISH).startsWith("The record has no rua"));
        } finally {
            Locale.setDefault(before);
        }
    }

    /** A number for every placeholder: it fits plain, number and choice formats alike. */
    private static List<Object> sampleArguments(FindingType type) {
        List<Object> arguments = new ArrayList<>();
        type.argumentNames().forEach(name -> arguments.add(2));
        return arguments;
    }

    private static Properties bundle(String catalogue, String suffix) throws IOException {
        Properties properties = new Properties();
        String resource = "findings-" + catalogue + suffix + ".properties";
        try (InputStream in = FindingCatalogue.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
