package org.mailwright.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.dkim.HeaderField;
import org.mailwright.dkim.MailMessage;

/**
 * One Authentication-Results field (RFC 8601): what a server that handled the message found when
 * it arrived, to be shown beside what Mailwright finds now.
 *
 * @param authservId the server that wrote it (its authserv-id)
 * @param results each method's result, in the order written
 * @param position the field's place among the message's Authentication-Results fields, 0 for the topmost
 */
public record StampedResults(String authservId, List<MethodResult> results, int position) {

    /** Only the newest fields are read; a message may carry any number. */
    public static final int MAX_FIELDS = 50;
    /** Results per field read. */
    public static final int MAX_RESULTS = 50;

    /**
     * One {@code method=result} with its properties.
     *
     * @param method lower case, for example {@code spf}, {@code dkim}, {@code dmarc}, {@code arc}
     * @param result lower case, for example {@code pass}
     * @param reason the {@code reason=} text, empty when none
     * @param properties {@code ptype.property} to value, for example {@code header.d} to {@code example.org}
     */
    public record MethodResult(String method, String result, String reason, Map<String, String> properties) {
        public MethodResult {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(reason, "reason");
            properties = Map.copyOf(properties);
        }

        public Optional<String> property(String name) {
            return Optional.ofNullable(properties.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    public StampedResults {
        Objects.requireNonNull(authservId, "authservId");
        results = List.copyOf(results);
    }

    /** The message's Authentication-Results fields, topmost (newest) first. */
    public static List<StampedResults> of(MailMessage message) {
        List<HeaderField> fields = message.headers("Authentication-Results");
        List<StampedResults> all = new ArrayList<>();
        for (int i = 0; i < Math.min(fields.size(), MAX_FIELDS); i++) {
            all.add(parse(fields.get(i).value(), i));
        }
        return all;
    }

    static StampedResults parse(String value, int position) {
        List<String> parts = HeaderText.split(HeaderText.withoutComments(value), ';', MAX_RESULTS + 1);
        String authservId = parts.get(0).strip().split("\\s+", 2)[0];
        List<MethodResult> results = new ArrayList<>();
        for (String part : parts.subList(1, parts.size())) {
            read(part).ifPresent(results::add);
        }
        return new StampedResults(HeaderText.unquoted(authservId), results, position);
    }

    private static Optional<MethodResult> read(String part) {
        List<String> words = words(part);
        if (words.isEmpty() || words.get(0).indexOf('=') < 0) {
            return Optional.empty();
        }
        String first = words.get(0);
        String method = first.substring(0, first.indexOf('=')).strip().toLowerCase(Locale.ROOT);
        int slash = method.indexOf('/');
        method = slash < 0 ? method : method.substring(0, slash).strip();
        String result = HeaderText.unquoted(first.substring(first.indexOf('=') + 1)).toLowerCase(Locale.ROOT);
        String reason = "";
        Map<String, String> properties = new LinkedHashMap<>();
        for (String word : words.subList(1, words.size())) {
            int equals = word.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = word.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String text = HeaderText.unquoted(word.substring(equals + 1));
            if (name.equals("reason")) {
                reason = text;
            } else if (name.contains(".")) {
                properties.putIfAbsent(name, text);
            }
        }
        return method.isEmpty() || result.isEmpty() ? Optional.empty()
                : Optional.of(new MethodResult(method, result, reason, properties));
    }

    /** The part's {@code name=value} words; white space around "=" is allowed and dropped. */
    private static List<String> words(String part) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        String text = part.strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && Character.isWhitespace(c)) {
                int next = i;
                while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                boolean aroundEquals = word.length() > 0 && word.charAt(word.length() - 1) == '='
                        || next < text.length() && text.charAt(next) == '=';
                i = next - 1;
                if (!aroundEquals && word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
