package org.mailwright.ui.dmarc;

import java.util.Optional;
import org.mailwright.ui.controls.CheckState;

/**
 * One report destination as the reports step shows it.
 *
 * @param tag {@code rua} or {@code ruf}
 * @param destination the address or URI, as the field shows it
 * @param state its badge
 * @param verdict what the checks found, in a sentence or two
 * @param authorization the TXT record the destination must publish, when it is in another organization
 */
public record DestinationRow(String tag, String destination, CheckState state, String verdict,
                             Optional<Authorization> authorization) {

    /**
     * The record a destination in another organization publishes to accept a domain's reports.
     *
     * @param name {@code <domain>._report._dmarc.<destination host>}
     * @param value {@code v=DMARC1;}
     * @param zoneLine the same as a zone-file line
     */
    public record Authorization(String name, String value, String zoneLine) {
    }
}
