package org.nhiaudit.report.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nhiaudit.run.RunSummary;

/**
 * Builds the report's view model from credential views already made by {@link CredentialViews}.
 *
 * <p>Large runs: the full packet shows the {@link #PACKET_DETAIL_LIMIT} riskiest credentials in
 * full and links every owner's packet; an owner's packet shows the {@link #OWNER_DETAIL_LIMIT}
 * riskiest in full and one row each for the rest. Every credential is in full in the workbooks.
 */
public final class ViewModelBuilder {

  public static final int PACKET_DETAIL_LIMIT = 250;
  public static final int OWNER_DETAIL_LIMIT = 500;

  private ViewModelBuilder() {}

  /** The report; {@code credentials} riskiest first, {@code change} null without a previous run. */
  public static ReportView report(
      RunSummary run,
      List<CredentialView> credentials,
      List<OwnerGroup> owners,
      ChangeView change) {
    return new ReportView(
        "Machine credential access review",
        Texts.date(run.asOf(), "unknown"),
        SummaryBuilder.build(credentials, change),
        EvidenceBuilder.build(run),
        owners.stream().map(OwnerGroup::owner).toList(),
        credentials.subList(0, Math.min(PACKET_DETAIL_LIMIT, credentials.size())),
        PACKET_DETAIL_LIMIT);
  }

  /** Groups credentials by owner: owners by name, the unowned last, each riskiest first. */
  public static List<OwnerGroup> byOwner(List<CredentialView> credentials) {
    Map<String, List<CredentialView>> named = new TreeMap<>();
    List<CredentialView> unowned = new ArrayList<>();
    for (CredentialView c : credentials) {
      if (c.owner() == null || c.owner().isBlank()) {
        unowned.add(c);
      } else {
        named.computeIfAbsent(c.owner(), k -> new ArrayList<>()).add(c);
      }
    }
    List<OwnerGroup> groups = new ArrayList<>();
    named.forEach((owner, list) -> groups.add(group(owner, list)));
    if (!unowned.isEmpty()) {
      groups.add(group(null, unowned));
    }
    return groups;
  }

  /** The packet of one owner. */
  public static OwnerPacketView packet(OwnerGroup group) {
    List<CredentialView> all = group.credentials();
    int cut = Math.min(OWNER_DETAIL_LIMIT, all.size());
    return new OwnerPacketView(
        group.owner(), all.subList(0, cut), all.subList(cut, all.size()), OWNER_DETAIL_LIMIT);
  }

  private static OwnerGroup group(String owner, List<CredentialView> list) {
    list.sort(Comparator.comparingInt(CredentialView::score).reversed());
    int critical = (int) list.stream().filter(c -> "CRITICAL".equals(c.severity())).count();
    int high = (int) list.stream().filter(c -> "HIGH".equals(c.severity())).count();
    String stem = list.get(0).ownerStem();
    OwnerView view = new OwnerView(owner, stem, list.size(), critical, high, list.get(0).score());
    return new OwnerGroup(view, list);
  }
}
