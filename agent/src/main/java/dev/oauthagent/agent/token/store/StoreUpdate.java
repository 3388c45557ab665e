package dev.oauthagent.agent.token.store;

/** What a {@link TokenRefresher} wants done with the stored record, decided while the store is locked. */
public final class StoreUpdate {
    enum Action { KEEP, REPLACE, DELETE }

    private static final StoreUpdate KEEP = new StoreUpdate(Action.KEEP, null);
    private static final StoreUpdate DELETE = new StoreUpdate(Action.DELETE, null);

    private final Action action;
    private final TokenRecord record;

    private StoreUpdate(Action action, TokenRecord record) {
        this.action = action;
        this.record = record;
    }

    /** Leave the record as it is (another process has refreshed already; or nothing to do). */
    public static StoreUpdate keep() {
        return KEEP;
    }

    /** Store this record instead (the rotated refresh token). */
    public static StoreUpdate replace(TokenRecord record) {
        if (record == null) {
            throw new IllegalArgumentException("replace needs a record; use delete() to remove it");
        }
        return new StoreUpdate(Action.REPLACE, record);
    }

    /** Remove the record (the server answered invalid_grant: the refresh token is dead, a new login is needed). */
    public static StoreUpdate delete() {
        return DELETE;
    }

    Action action() {
        return action;
    }

    TokenRecord record() {
        return record;
    }

    @Override
    public String toString() {
        return "StoreUpdate{" + action + (record == null ? "" : " " + record) + "}";
    }
}
