package org.mailwright.dkim;

/**
 * How strict the verifier is where the standards and old mail disagree.
 *
 * @param minimumRsaBits RSA keys shorter than this fail with {@link Reason#KEY_TOO_SHORT}
 *     (RFC 8301 says 1024)
 * @param acceptDraftSignatures accept signatures from the drafts before RFC 4871: no {@code v=}
 *     tag, {@code v=0.5}, and {@code q=dns}
 * @param honourGranularity apply the key record's {@code g=} tag, which RFC 4871 defined and
 *     RFC 6376 dropped
 * @param checkDomainKeys verify legacy DomainKeys signatures (RFC 4870) instead of reporting them
 *     as not evaluated
 */
public record VerificationRules(int minimumRsaBits, boolean acceptDraftSignatures, boolean honourGranularity,
                                boolean checkDomainKeys) {

    /** RFC 6376 as updated by RFC 8301 and 8463: what receivers apply today. */
    public static VerificationRules standard() {
        return new VerificationRules(DkimKey.MINIMUM_RSA_BITS, false, false, false);
    }

    /**
     * What Mail::DKIM does without its Strict option, for mail from before RFC 8301: 512-bit
     * keys, draft signatures, {@code g=} and DomainKeys all count. Its test corpus is checked this way.
     */
    public static VerificationRules legacy() {
        return new VerificationRules(512, true, true, true);
    }
}
