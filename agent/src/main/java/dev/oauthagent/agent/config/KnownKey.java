package dev.oauthagent.agent.config;

/**
 * One configuration key the agent understands: its name (without prefix), default, description and an
 * example value. The single registry of these is {@link KnownKeys}; validation, "did you mean" hints,
 * the effective-configuration table and the documentation test all read it.
 */
public final class KnownKey {
    /** Global keys live at {@code oauth.agent.<name>}, client keys at {@code oauth.agent.clients.<client>.<name>}. */
    public enum Scope { GLOBAL, CLIENT }

    private static final String FAMILY_MEMBER = ".<name>";

    private final Scope scope;
    private final String name;
    private final String defaultValue;
    private final boolean required;
    private final boolean secret;
    private final boolean referenceAllowed;
    private final boolean literalAllowed;
    private final String description;
    private final String example;

    private KnownKey(Scope scope, String name, String defaultValue, boolean required, boolean secret,
            boolean referenceAllowed, boolean literalAllowed, String description, String example) {
        this.scope = scope;
        this.name = name;
        this.defaultValue = defaultValue;
        this.required = required;
        this.secret = secret;
        this.referenceAllowed = referenceAllowed;
        this.literalAllowed = literalAllowed;
        this.description = description;
        this.example = example;
    }

    static KnownKey global(String name, String defaultValue, String description, String example) {
        return new KnownKey(Scope.GLOBAL, name, defaultValue, false, false, false, true, description, example);
    }

    static KnownKey client(String name, String defaultValue, String description, String example) {
        return new KnownKey(Scope.CLIENT, name, defaultValue, false, false, false, true, description, example);
    }

    /**
     * A family of client keys {@code <prefix>.<anything>}, such as {@code token-params.<name>}: its name is written
     * {@code <prefix>.<name>} and {@link KnownKeys#client(String)} finds it for every member.
     */
    static KnownKey clientFamily(String prefix, String description, String example) {
        return new KnownKey(Scope.CLIENT, prefix + FAMILY_MEMBER, null, false, false, false, true, description,
                example);
    }

    static KnownKey requiredClient(String name, String description, String example) {
        return new KnownKey(Scope.CLIENT, name, null, true, false, false, true, description, example);
    }

    /** A key whose value may be a {@code ${env:NAME}} or {@code ${file:/path}} reference. */
    KnownKey allowingReferences() {
        return new KnownKey(scope, name, defaultValue, required, secret, true, true, description, example);
    }

    /** A key whose value is a secret: never printed, masked as {@code ****} with its origin; may be a reference. */
    KnownKey asSecret() {
        return new KnownKey(scope, name, defaultValue, required, true, true, true, description, example);
    }

    /** A secret that must be a {@code ${env:NAME}} or {@code ${file:/path}} reference, never written itself. */
    KnownKey asReferencedSecret() {
        return new KnownKey(scope, name, defaultValue, required, true, true, false, description, example);
    }

    public Scope scope() { return scope; }

    /** The name without prefix, e.g. {@code token-url} or {@code log-level}. */
    public String name() { return name; }

    /** The default as written in configuration, or null when the key has none. */
    public String defaultValue() { return defaultValue; }

    public boolean required() { return required; }

    public boolean secret() { return secret; }

    public boolean referenceAllowed() { return referenceAllowed; }

    /** False for a secret that only a reference may give (a key): a literal value is an error. */
    public boolean literalAllowed() { return literalAllowed; }

    public String description() { return description; }

    /** Whether this is a family such as {@code token-params.<name>}, standing for many keys. */
    public boolean isFamily() {
        return name.endsWith(FAMILY_MEMBER);
    }

    /** Whether {@code keyName} (without prefix) is this key, or a member of this family. */
    boolean isNamed(String keyName) {
        if (!isFamily()) {
            return name.equals(keyName);
        }
        String familyPrefix = familyPrefix();
        return keyName.startsWith(familyPrefix) && keyName.length() > familyPrefix.length();
    }

    /** {@code token-params.} for the family {@code token-params.<name>}. */
    String familyPrefix() {
        return name.substring(0, name.length() - FAMILY_MEMBER.length() + 1);
    }

    public String example() { return example; }

    /** {@code oauth.agent.<name>} or {@code oauth.agent.clients.<client>.<name>}. */
    public String fullKey(String clientName) {
        return scope == Scope.GLOBAL ? KeyNames.PREFIX + name : KeyNames.clientKey(clientName, name);
    }

    @Override
    public String toString() {
        return name;
    }
}
