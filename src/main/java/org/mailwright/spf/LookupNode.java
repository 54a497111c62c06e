package org.mailwright.spf;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One DNS-querying term in the tree of a record and everything it includes, with what it costs
 * against the limit of 10.
 *
 * @param term the term as written ({@code include:_spf.example.net}, {@code mx}); for the root, the domain
 * @param target the domain the term looks up (for include and redirect, the domain whose record
 *     is below it); empty when it depends on macros
 * @param lookups the DNS-querying terms this node costs: 1 for the term itself plus everything
 *     below it; for the root, the whole record's count
 * @param status whether the record below could be followed
 * @param children the DNS-querying terms of the record below, in order
 */
public record LookupNode(String term, String target, int lookups, Status status, List<LookupNode> children) {

    /** Whether a node's record could be read. */
    public enum Status {
        /** Followed (or a term with nothing below it). */
        OK,
        /** The included or redirected-to domain has no SPF record. */
        NO_RECORD,
        /** Its record is invalid. */
        INVALID,
        /** Including it again would go round in a loop. */
        LOOP,
        /** The lookup failed (timeout, server failure). */
        DNS_ERROR,
        /** The target depends on macros, so only a real message can tell. */
        DYNAMIC,
        /** Counted but not looked up: the lint had spent its budget of lookups. */
        UNCHECKED;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public LookupNode {
        children = List.copyOf(children);
    }

    /**
     * The tree as indented text, one term a line with its count, for example:
     * <pre>
     * example.com  14/10
     * ├─ mx  1
     * └─ include:_spf.example.net  13
     *    └─ ...
     * </pre>
     */
    public String render(int limit) {
        return render(limit, Status::jsonName);
    }

    /** The tree as {@link #render(int)} draws it, a status other than OK said by {@code statusWord}, in a reader's language. */
    public String render(int limit, Function<Status, String> statusWord) {
        StringBuilder out = new StringBuilder(term).append("  ").append(lookups).append('/').append(limit);
        appendChildren(out, children, "", statusWord);
        return out.toString();
    }

    private static void appendChildren(StringBuilder out, List<LookupNode> nodes, String indent, Function<Status, String> statusWord) {
        for (int i = 0; i < nodes.size(); i++) {
            LookupNode node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            out.append('\n').append(indent).append(last ? "└─ " : "├─ ").append(node.term()).append("  ").append(node.lookups());
            if (node.status() != Status.OK) {
                out.append("  (").append(statusWord.apply(node.status())).append(')');
            }
            appendChildren(out, node.children(), indent + (last ? "   " : "│  "), statusWord);
        }
    }
}
