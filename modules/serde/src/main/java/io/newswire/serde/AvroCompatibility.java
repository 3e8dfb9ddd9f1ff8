package io.newswire.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

import java.util.List;

/** Avro's reader/writer compatibility check, phrased as one line per problem for error messages. */
final class AvroCompatibility {

    private AvroCompatibility() {
    }

    /**
     * What stops {@code reader} from reading data written with {@code writer}.
     *
     * @param direction words saying which reads which, put in each line
     * @return one line per incompatibility; empty when compatible
     */
    static List<String> problems(final Schema reader, final Schema writer, final String direction) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities().stream()
                .map(i -> "Avro check (" + direction + "): " + i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .toList();
    }
}
