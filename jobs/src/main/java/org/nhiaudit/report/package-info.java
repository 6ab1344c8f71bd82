/**
 * The report step: access-review packets from a run directory.
 *
 * <p>{@link org.nhiaudit.report.ReportGenerator#generate} writes into the output directory:
 *
 * <ul>
 *   <li>{@code index.html}: links to everything below;
 *   <li>{@code summary.html}: the one-page executive summary;
 *   <li>{@code packet.html}: summary, owners, the riskiest credentials in full, the evidence;
 *   <li>{@code review.xlsx}: every credential, with the reviewer's columns;
 *   <li>{@code owners/<stem>.html} and {@code owners/<stem>.xlsx}: one packet and workbook per
 *       owner, {@code owners/unowned.*} for credentials nobody answers for.
 * </ul>
 *
 * <p>Large runs: pages stay readable by showing in full only the riskiest credentials of the full
 * packet and of each owner's packet (see {@link org.nhiaudit.report.view.ViewModelBuilder}); the
 * rest are one table row each, and the workbooks hold every credential in full.
 *
 * <p>Outputs are built from values an attacker can choose (user agents, resource and session
 * names). Credential ids are masked in {@link org.nhiaudit.report.view.CredentialViews}; HTML is
 * escaped by the templates' auto-escaping; spreadsheet cells are neutralised in one class of the
 * {@code excel} package.
 */
package org.nhiaudit.report;
