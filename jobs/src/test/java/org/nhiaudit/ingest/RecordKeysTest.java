package org.nhiaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nhiaudit.model.Origin;

class RecordKeysTest {

  @Test
  void wholeRecordAbsorbsEverything() {
    assertThat(RecordKeys.all().and("a").isAll()).isTrue();
    assertThat(RecordKeys.of("a").union(RecordKeys.all())).isEqualTo(RecordKeys.all());
    assertThat(RecordKeys.all().get("anything")).isEqualTo(RecordKeys.all());
  }

  @Test
  void unionKeepsEitherSideAndWidensNarrowedKeys() {
    RecordKeys left = RecordKeys.of("a").and("n", RecordKeys.of("x")).and("w", RecordKeys.of("y"));
    RecordKeys right = RecordKeys.of("b").and("n", RecordKeys.of("z")).and("w");

    RecordKeys union = left.union(right);

    assertThat(union.keys()).containsExactlyInAnyOrder("a", "b", "n", "w");
    assertThat(union.get("n")).isEqualTo(RecordKeys.of("x", "z"));
    assertThat(union.get("w").isAll()).isTrue();
    assertThat(union.get("c")).isNull();
    assertThat(union).isEqualTo(right.union(left));
    assertThat(union.toString()).isEqualTo("{a, b, n {x, z}, w}");
  }

  @Test
  void noneKeepsNoKey() {
    assertThat(RecordKeys.none().isAll()).isFalse();
    assertThat(RecordKeys.none().get("a")).isNull();
    assertThat(RecordKeys.of().keys()).isEmpty();
  }

  @Test
  void registryReadsTheUnionOfItsParsers() {
    RecordParser a = new Parser("a", RecordKeys.of("x").and("n", RecordKeys.of("y")));
    RecordParser b = new Parser("b", RecordKeys.of("z").and("n", RecordKeys.of("w")));
    RecordParser whole = new Parser("whole", null);

    ParserRegistry both = ParserRegistry.of(List.of(a, b));

    assertThat(both.reads()).isEqualTo(RecordKeys.of("x", "z").and("n", RecordKeys.of("y", "w")));
    assertThat(both.forcing("a").reads()).isEqualTo(a.reads());
    assertThat(ParserRegistry.of(List.of(a, whole)).reads().isAll()).isTrue();
    assertThat(ParserRegistry.of(List.of(a, whole)).forcing("a").reads().isAll()).isFalse();
  }

  /** A parser that reads {@code reads}, or, when that is null, declares nothing. */
  private record Parser(String format, RecordKeys declared) implements RecordParser {
    @Override
    public boolean accepts(JsonNode record) {
      return false;
    }

    @Override
    public ParseOutcome parse(JsonNode record, Origin origin) {
      return ParseOutcome.rejected("never");
    }

    @Override
    public RecordKeys reads() {
      return declared == null ? RecordParser.super.reads() : declared;
    }
  }
}
