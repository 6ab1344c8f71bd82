package org.nhiaudit.ingest;

import java.util.List;
import org.nhiaudit.ingest.azure.AzureActivityParser;
import org.nhiaudit.ingest.azure.EntraAuditParser;
import org.nhiaudit.ingest.azure.EntraSignInParser;
import org.nhiaudit.ingest.cloudtrail.CloudTrailParser;
import org.nhiaudit.ingest.gcp.GcpAuditParser;
import org.nhiaudit.ingest.generic.GenericEventParser;
import org.nhiaudit.ingest.github.GitHubAuditParser;
import org.nhiaudit.ingest.k8s.KubernetesAuditParser;
import org.nhiaudit.ingest.okta.OktaSystemLogParser;

/** The parsers the project ships, in the order detection asks them. */
public final class KnownFormats {

  private KnownFormats() {}

  public static List<RecordParser> parsers() {
    return List.of(
        new CloudTrailParser(),
        new KubernetesAuditParser(),
        new GcpAuditParser(),
        new GenericEventParser(),
        new GitHubAuditParser(),
        new EntraSignInParser(),
        new EntraAuditParser(),
        new AzureActivityParser(),
        new OktaSystemLogParser());
  }
}
