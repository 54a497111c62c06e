package org.mailwright.dkim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zone texts for the test DNS server from {@code name -> TXT value} pairs: one zone per parent
 * name (so a sibling the data does not mention is NXDOMAIN, and a name outside every zone is
 * REFUSED), each value split into character-strings of at most 255 octets.
 */
public final class DkimZones {

    private final Map<String, List<String>> zones = new LinkedHashMap<>();

    public DkimZones txt(String name, String value) {
        String owner = name.endsWith(".") ? name : name + ".";
        String origin = owner.substring(owner.indexOf('.') + 1);
        zones.computeIfAbsent(origin, o -> new ArrayList<>())
                .add(owner + " 300 IN TXT " + quoted(value));
        return this;
    }

    /** A zone that exists but holds nothing the tests ask for. */
    public DkimZones zone(String origin) {
        zones.computeIfAbsent(origin.endsWith(".") ? origin : origin + ".", o -> new ArrayList<>());
        return this;
    }

    public String[] texts() {
        return zones.entrySet().stream()
                .map(zone -> "$ORIGIN " + zone.getKey() + "\n" + String.join("\n", zone.getValue()) + "\n")
                .toArray(String[]::new);
    }

    /** The value as zone-file character-strings: quotes and backslashes escaped, 255 octets each. */
    static String quoted(String value) {
        if (value.isEmpty()) {
            return "\"\"";
        }
        List<String> strings = new ArrayList<>();
        for (int start = 0; start < value.length(); start += 255) {
            String chunk = value.substring(start, Math.min(value.length(), start + 255));
            strings.add("\"" + chunk.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return String.join(" ", strings);
    }
}
