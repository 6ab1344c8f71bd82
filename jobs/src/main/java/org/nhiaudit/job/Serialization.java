package org.nhiaudit.job;

import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers.JdkImmutableListSerializer;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers.JdkImmutableMapSerializer;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers.JdkImmutableSetSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;

/**
 * Teaches Flink's Kryo fallback the JDK's immutable collections. The model's records copy their
 * lists with {@code List.copyOf}; Kryo's generic collection serializer would rebuild such a list by
 * calling {@code add} on an empty immutable instance and fail.
 */
final class Serialization {

  private Serialization() {}

  /** Adds the serializer registrations to {@code config}, keeping any it already has. */
  static void configure(Configuration config) {
    List<String> entries =
        new ArrayList<>(config.getOptional(PipelineOptions.SERIALIZATION_CONFIG).orElse(List.of()));
    for (Object list : List.of(List.of(), List.of(1), List.of(1, 2, 3))) {
      entries.add(entry(list.getClass(), JdkImmutableListSerializer.class));
    }
    for (Object set : List.of(Set.of(), Set.of(1), Set.of(1, 2, 3))) {
      entries.add(entry(set.getClass(), JdkImmutableSetSerializer.class));
    }
    for (Object map : List.of(Map.of(), Map.of(1, 1), Map.of(1, 1, 2, 2, 3, 3))) {
      entries.add(entry(map.getClass(), JdkImmutableMapSerializer.class));
    }
    config.set(PipelineOptions.SERIALIZATION_CONFIG, entries.stream().distinct().toList());
  }

  private static String entry(Class<?> type, Class<?> serializer) {
    return type.getName()
        + ": {type: kryo, kryo-type: default, class: "
        + serializer.getName()
        + "}";
  }
}
