package org.mailwright.spf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mailwright.findings.Finding;

/**
 * The SPF wizard's answers as plain data, in the core so what they mean is decided once: builds the record they describe, and reads a published
 * record back into answers so it can be edited rather than overwritten.
 *
 * <p>The record lists, in order: exclusions kept from a published record (terms with -, ~ or ?),
 * mx and a, the addresses, the includes (services), the addresses flattened from includes, other
 * kept terms, the all term, and the kept modifiers (redirect=, exp=).
 *
 * @param mx the domain's MX hosts send mail
 * @param a the domain's own address sends mail
 * @param addresses IPv4 and IPv6 addresses and networks, as typed
 * @param providers the common services that send for the domain
 * @param customIncludes other include domains, as typed
 * @param keptTerms terms of a published record the questions do not cover, kept as written
 * @param ending what the record says about everyone else
 * @param flattening includes replaced by the addresses they authorize today; null when none are
 */
public record SpfDraft(boolean mx, boolean a, List<String> addresses, Set<SpfProvider> providers,
                       List<String> customIncludes, List<String> keptTerms, Ending ending, Flattening flattening) {

    /** Entries typed in a list are separated by new lines, commas or spaces. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern ADDRESS_PREFIX = Pattern.compile("(?i)^\\+?ip[46]:");
    private static final Pattern INCLUDE_PREFIX = Pattern.compile("(?i)^\\+?include:");

    /**
     * Includes replaced by addresses, to get under the limit of 10 lookups.
     *
     * @param includes the include domains replaced
     * @param networks the ip4:/ip6: terms that replace them
     * @param refreshSeconds how long the addresses can be trusted: flatten again at least this often
     * @param warning the finding that says so
     */
    public record Flattening(List<String> includes, List<String> networks, long refreshSeconds, Finding warning) {
        public Flattening {
            includes = List.copyOf(includes);
            networks = List.copyOf(networks);
            Objects.requireNonNull(warning, "warning");
        }
    }

    /** One entry of a list that cannot go into the record, and why. */
    public record EntryProblem(String entry, SpfSyntaxException reason) {
    }

    /**
     * Why the kept terms cannot go into the record.
     *
     * @param term the offending term
     * @param syntax what is wrong with it; null when it is an all term, which has its own question
     */
    public record KeptProblem(String term, SpfSyntaxException syntax) {
    }

    public SpfDraft {
        addresses = List.copyOf(addresses);
        providers = providers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(providers));
        customIncludes = List.copyOf(customIncludes);
        keptTerms = List.copyOf(keptTerms);
        Objects.requireNonNull(ending, "ending");
    }

    /** Nothing authorized and everyone else fails: the record of a domain that sends no mail. */
    public static SpfDraft noMail() {
        return new SpfDraft(false, false, List.of(), Set.of(), List.of(), List.of(), Ending.FAIL, null);
    }

    /** The entries of a list typed one per line (commas and spaces separate too). */
    public static List<String> entries(String text) {
        return text == null ? List.of() : Arrays.stream(SEPARATORS.split(text.strip())).filter(entry -> !entry.isEmpty()).toList();
    }

    /** The includes the record will hold: the services' (in the list's order), then the others, each once, without those flattened. */
    public List<String> includes() {
        Set<String> all = new LinkedHashSet<>();
        providers.stream().sorted().forEach(provider -> all.add(provider.include()));
        customIncludes.stream().map(SpfDraft::bareInclude).map(domain -> domain.toLowerCase(Locale.ROOT)).forEach(all::add);
        if (flattening != null) {
            all.removeIf(domain -> flattening.includes().stream().anyMatch(domain::equalsIgnoreCase));
        }
        return List.copyOf(all);
    }

    /** The first address that is not an IPv4 or IPv6 address or network. */
    public Optional<EntryProblem> addressProblem() {
        for (String entry : addresses) {
            try {
                recipeWithAddress(entry).build();
            } catch (SpfSyntaxException e) {
                return Optional.of(new EntryProblem(entry, e));
            }
        }
        return Optional.empty();
    }

    /** The first other include that is not a domain an include can name. */
    public Optional<EntryProblem> includeProblem() {
        for (String entry : customIncludes) {
            try {
                SpfRecipe.nothing().withIncludes(List.of(bareInclude(entry))).build();
            } catch (SpfSyntaxException e) {
                return Optional.of(new EntryProblem(entry, e));
            }
        }
        return Optional.empty();
    }

    /** Why the kept terms cannot go into the record, when they cannot. */
    public Optional<KeptProblem> keptProblem() {
        try {
            return keptRecord().mechanisms().stream().filter(mechanism -> mechanism.type() == MechanismType.ALL)
                    .findFirst().map(all -> new KeptProblem(all.text(), null));
        } catch (SpfSyntaxException e) {
            return Optional.of(new KeptProblem(e.term(), e));
        }
    }

    /** True when the kept terms include a redirect=, so the record may leave the decision to it. */
    public boolean keepsRedirect() {
        return keptProblem().isEmpty() && keptRecord().redirect().isPresent();
    }

    /**
     * The record these answers describe.
     *
     * @throws SpfSyntaxException saying what is wrong with the first invalid answer
     */
    public String record() {
        List<String> ip4 = new ArrayList<>();
        List<String> ip6 = new ArrayList<>();
        for (String entry : addresses) {
            String bare = bareAddress(entry);
            (bare.contains(":") ? ip6 : ip4).add(bare);
        }
        String built = new SpfRecipe(mx, a, ip4, ip6, includes(), Qualifier.FAIL).build();
        List<String> terms = new ArrayList<>(Arrays.asList(built.substring(0, built.lastIndexOf(' ')).split(" ")));
        SpfRecord kept = keptRecord();
        List<String> exclusions = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<String> modifiers = new ArrayList<>();
        for (Term term : kept.terms()) {
            if (term instanceof Modifier) {
                modifiers.add(term.text());
            } else if (((Mechanism) term).type() != MechanismType.ALL) {
                (((Mechanism) term).qualifier() == Qualifier.PASS ? others : exclusions).add(term.text());
            }
        }
        terms.addAll(1, exclusions);
        if (flattening != null) {
            terms.addAll(flattening.networks());
        }
        terms.addAll(others);
        if (ending != Ending.REDIRECT) {
            terms.add(ending.term());
        }
        terms.addAll(modifiers);
        Set<String> seen = new LinkedHashSet<>();
        terms.removeIf(term -> !seen.add(term.toLowerCase(Locale.ROOT)));
        return SpfRecord.parse(String.join(" ", terms)).text();
    }

    /** The record, or empty when an answer is not valid. */
    public Optional<String> validRecord() {
        try {
            return Optional.of(record());
        } catch (SpfSyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The answers a published record gives. Terms the questions do not cover are kept as written;
     * mechanisms after the all term are dropped, as receivers never reach them.
     */
    public static SpfDraft fromRecord(SpfRecord record) {
        boolean mx = false;
        boolean a = false;
        List<String> addresses = new ArrayList<>();
        Set<SpfProvider> providers = EnumSet.noneOf(SpfProvider.class);
        List<String> customIncludes = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        Ending ending = null;
        for (Term term : record.terms()) {
            if (term instanceof Modifier) {
                kept.add(term.text());
                continue;
            }
            Mechanism mechanism = (Mechanism) term;
            if (ending != null) {
                continue;
            }
            boolean plain = mechanism.qualifier() == Qualifier.PASS;
            boolean ownDomain = mechanism.domain() == null && mechanism.ip4Prefix() == 32 && mechanism.ip6Prefix() == 128;
            switch (mechanism.type()) {
                case ALL -> ending = Ending.of(mechanism.qualifier());
                case MX -> {
                    if (plain && ownDomain) {
                        mx = true;
                    } else {
                        kept.add(term.text());
                    }
                }
                case A -> {
                    if (plain && ownDomain) {
                        a = true;
                    } else {
                        kept.add(term.text());
                    }
                }
                case IP4, IP6 -> {
                    if (plain) {
                        addresses.add(bareAddress(term.text()));
                    } else {
                        kept.add(term.text());
                    }
                }
                case INCLUDE -> {
                    Optional<String> domain = mechanism.domain().literalDomain();
                    if (plain && domain.isPresent()) {
                        SpfProvider.byInclude(domain.get()).ifPresentOrElse(providers::add, () -> customIncludes.add(domain.get()));
                    } else {
                        kept.add(term.text());
                    }
                }
                default -> kept.add(term.text());
            }
        }
        if (ending == null) {
            ending = record.redirect().isPresent() ? Ending.REDIRECT : Ending.NEUTRAL;
        }
        return new SpfDraft(mx, a, addresses, providers, customIncludes, kept, ending, null);
    }

    /**
     * True when reading {@code record} into answers moves an exclusion (a term with -, ~ or ?)
     * ahead of a term that authorizes, which it followed: the wizard lists exclusions first, and
     * for an address both terms cover, the result would change.
     */
    public static boolean movesExclusions(SpfRecord record) {
        boolean authorizedBefore = false;
        for (Mechanism mechanism : record.mechanisms()) {
            if (mechanism.type() == MechanismType.ALL) {
                return false;
            }
            if (mechanism.qualifier() == Qualifier.PASS) {
                authorizedBefore = true;
            } else if (authorizedBefore) {
                return true;
            }
        }
        return false;
    }

    public SpfDraft withMx(boolean value) {
        return new SpfDraft(value, a, addresses, providers, customIncludes, keptTerms, ending, flattening);
    }

    public SpfDraft withA(boolean value) {
        return new SpfDraft(mx, value, addresses, providers, customIncludes, keptTerms, ending, flattening);
    }

    public SpfDraft withAddresses(List<String> value) {
        return new SpfDraft(mx, a, value, providers, customIncludes, keptTerms, ending, flattening);
    }

    public SpfDraft withProviders(Set<SpfProvider> value) {
        return new SpfDraft(mx, a, addresses, value, customIncludes, keptTerms, ending, flattening);
    }

    public SpfDraft withCustomIncludes(List<String> value) {
        return new SpfDraft(mx, a, addresses, providers, value, keptTerms, ending, flattening);
    }

    /**
     * This draft with {@code include} in it: as its service when it is a known one's, else as an
     * other include; the same draft when the record includes it already.
     */
    public SpfDraft withInclude(String include) {
        String bare = bareInclude(include.strip());
        if (includes().stream().anyMatch(bare::equalsIgnoreCase)) {
            return this;
        }
        Optional<SpfProvider> provider = SpfProvider.byInclude(bare);
        if (provider.isPresent()) {
            Set<SpfProvider> more = EnumSet.of(provider.get());
            more.addAll(providers);
            return withProviders(more);
        }
        List<String> more = new ArrayList<>(customIncludes);
        more.add(bare);
        return withCustomIncludes(more);
    }

    public SpfDraft withKeptTerms(List<String> value) {
        return new SpfDraft(mx, a, addresses, providers, customIncludes, value, ending, flattening);
    }

    public SpfDraft withEnding(Ending value) {
        return new SpfDraft(mx, a, addresses, providers, customIncludes, keptTerms, value, flattening);
    }

    public SpfDraft withFlattening(Flattening value) {
        return new SpfDraft(mx, a, addresses, providers, customIncludes, keptTerms, ending, value);
    }

    /** The kept terms as a record of their own (an all among them is left out of the record: the ending is its own question). */
    private SpfRecord keptRecord() {
        return SpfRecord.parse(String.join(" ", "v=spf1", String.join(" ", keptTerms)).strip());
    }

    private static SpfRecipe recipeWithAddress(String entry) {
        String bare = bareAddress(entry);
        return bare.contains(":") ? SpfRecipe.nothing().withIp6(List.of(bare)) : SpfRecipe.nothing().withIp4(List.of(bare));
    }

    /** An address or network as typed, without an {@code ip4:} or {@code ip6:} in front. */
    public static String bareAddress(String entry) {
        return ADDRESS_PREFIX.matcher(entry.strip()).replaceFirst("");
    }

    /** An include's domain as typed, without {@code include:} in front or a final dot. */
    public static String bareInclude(String entry) {
        String bare = INCLUDE_PREFIX.matcher(entry.strip()).replaceFirst("");
        return bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
    }
}
