package io.migration.common.copy;


/** Receives the string members of one JSON object, in order. */
@FunctionalInterface
public interface JsonMembers {

    void member(String key, String value);
}
