package org.mailwright.ui.dkim;

/**
 * One step of the rotation plan as the page shows it.
 *
 * @param date the earliest day for it, ISO form
 * @param title what to do, in a few words
 * @param detail what to do and why
 * @param zoneLine the record this step publishes, as a zone-file line; empty when it publishes none
 */
record PlanRow(String date, String title, String detail, String zoneLine) {
}
