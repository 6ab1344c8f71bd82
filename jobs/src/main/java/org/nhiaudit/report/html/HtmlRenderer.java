package org.nhiaudit.report.html;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nhiaudit.report.ReportException;

/**
 * Lays out the view model with FreeMarker. One {@link Configuration} is made per renderer and
 * reused for every page. HTML auto-escaping is on for every template, so any value from the logs is
 * escaped wherever it is printed, in text, attributes and SVG alike.
 */
public final class HtmlRenderer {

  /** Where the bundled templates sit inside the jar. */
  public static final String BUNDLED = "/nhi-audit/templates";

  private final Configuration config;

  /** A renderer over {@code templateDir}, or over the bundled templates when it is null. */
  public HtmlRenderer(Path templateDir) {
    this.config = configuration(loader(templateDir));
  }

  /** Writes {@code page} laid out over {@code model} to {@code file}. */
  public void render(Page page, Map<String, Object> model, Path file) {
    try {
      Template template = config.getTemplate(page.template());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        template.process(model, out);
      }
    } catch (TemplateException e) {
      throw new ReportException(
          "template " + page.template() + " failed: " + e.getMessageWithoutStackTop(), e);
    } catch (IOException e) {
      throw new ReportException(
          "cannot render template " + page.template() + " to " + file + ": " + e.getMessage(), e);
    }
  }

  private static TemplateLoader loader(Path templateDir) {
    if (templateDir == null) {
      return new ClassTemplateLoader(HtmlRenderer.class, BUNDLED);
    }
    if (!Files.isDirectory(templateDir)) {
      throw new ReportException("templates directory does not exist: " + templateDir);
    }
    try {
      return new FileTemplateLoader(templateDir.toFile());
    } catch (IOException e) {
      throw new ReportException("cannot read templates directory " + templateDir, e);
    }
  }

  private static Configuration configuration(TemplateLoader loader) {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setTemplateLoader(loader);
    c.setDefaultEncoding(StandardCharsets.UTF_8.name());
    c.setOutputFormat(HTMLOutputFormat.INSTANCE);
    c.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
    c.setRecognizeStandardFileExtensions(true);
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setNumberFormat("computer");
    // Templates restyled by users must not reach into Java classes.
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    c.setAPIBuiltinEnabled(false);
    return c;
  }
}
