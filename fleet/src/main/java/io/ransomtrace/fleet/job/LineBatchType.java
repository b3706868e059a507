package io.ransomtrace.fleet.job;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** The Flink type of {@link LineBatch}: written by {@link LineBatchSerializer}, never by Kryo or reflection. */
final class LineBatchType extends TypeInformation<LineBatch> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<LineBatch> getTypeClass() {
        return LineBatch.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<LineBatch> createSerializer(SerializerConfig config) {
        return new LineBatchSerializer();
    }

    @Override
    public String toString() {
        return "LineBatch";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof LineBatchType;
    }

    @Override
    public int hashCode() {
        return LineBatchType.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof LineBatchType;
    }
}
