package io.newswire.serde;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;

/**
 * The Avro data model generic records are written with. It knows the standard logical types, so a GenericRecord
 * may hold a {@code UUID} or an {@code Instant} as well as the raw {@code String} or {@code long}: the conversion is
 * chosen by the value's class, so raw values are written unchanged. Reading stays plain {@link GenericData}, which
 * hands back raw values, as Confluent's generic deserializer does by default.
 */
final class AvroModels {

    static final GenericData GENERIC = lenientGeneric();

    private AvroModels() {
    }

    private static GenericData lenientGeneric() {
        final GenericData data = new GenericData();
        data.addLogicalTypeConversion(new Conversions.UUIDConversion());
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        data.addLogicalTypeConversion(new TimeConversions.DateConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        return data;
    }
}
