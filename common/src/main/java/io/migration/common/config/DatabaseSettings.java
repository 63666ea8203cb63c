package io.migration.common.config;

import java.util.Objects;

/** One database's JDBC URL and credentials. {@link #toString()} never shows the password. */
public record DatabaseSettings(String url, String user, String password) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
    }

    /** The URL without query parameters, which may carry a password. */
    public String safeUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + safeUrl() + ", user=" + user + "]";
    }
}
