package org.nhiaudit.report.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nhiaudit.report.ReportGenerator;
import org.nhiaudit.report.ReportRequest;
import org.nhiaudit.report.ReportResult;

/**
 * Renders every packet of a generated run and prints the time and peak heap. Not a unit test: run
 * it by hand, e.g. with 100000 credentials, and read the figures.
 *
 * <p>Arguments: [credentials, default 100000] [work directory, default a temporary one].
 */
public final class ReportBench {

  private ReportBench() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("nhi-report-bench");
    long t0 = System.nanoTime();
    Path run = SyntheticRun.write(work.resolve("run"), n, 42);
    Path previous = SyntheticRun.write(work.resolve("previous"), n, 41);
    long t1 = System.nanoTime();
    System.gc();
    List<MemoryPoolMXBean> heap = heapPools();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);

    ReportRequest request = ReportRequest.of(run, work.resolve("out")).withPrevious(previous);
    ReportResult result = new ReportGenerator().generate(request);
    long t2 = System.nanoTime();

    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf(Locale.ROOT, "credentials      %d (owners %d)%n", n, result.owners().size());
    System.out.printf(Locale.ROOT, "generate input   %.1f s%n", (t1 - t0) / 1e9);
    System.out.printf(Locale.ROOT, "report           %.1f s%n", (t2 - t1) / 1e9);
    System.out.printf(
        Locale.ROOT, "peak heap used   %d MiB (sum of heap pool peaks)%n", peak >> 20);
    System.out.printf(
        Locale.ROOT, "max heap         %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
    printSize("packet.html", result.packet());
    printSize("summary.html", result.summary());
    printSize("review.xlsx", result.workbook());
    printSize("largest owner", largestOwnerPacket(result));
    System.out.println("output           " + result.out());
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .toList();
  }

  private static Path largestOwnerPacket(ReportResult result) throws IOException {
    Path largest = null;
    long size = -1;
    for (ReportResult.OwnerFiles owner : result.owners()) {
      long s = Files.size(owner.packet());
      if (s > size) {
        size = s;
        largest = owner.packet();
      }
    }
    return largest;
  }

  private static void printSize(String label, Path file) throws IOException {
    System.out.printf(Locale.ROOT, "%-16s %.1f MiB%n", label, Files.size(file) / 1048576.0);
  }
}
