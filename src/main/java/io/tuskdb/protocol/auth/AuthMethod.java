package io.tuskdb.protocol.auth;

/** The pg_hba.conf authentication methods TuskDB supports. */
public enum AuthMethod {
    TRUST("trust"),
    REJECT("reject"),
    PASSWORD("password"),
    MD5("md5"),
    SCRAM_SHA_256("scram-sha-256");

    private final String hbaName;

    AuthMethod(String hbaName) {
        this.hbaName = hbaName;
    }

    /** The method's name in pg_hba.conf. */
    public String hbaName() {
        return hbaName;
    }

    /** The method named {@code name} in pg_hba.conf, or null. */
    public static AuthMethod byHbaName(String name) {
        for (AuthMethod m : values()) {
            if (m.hbaName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
