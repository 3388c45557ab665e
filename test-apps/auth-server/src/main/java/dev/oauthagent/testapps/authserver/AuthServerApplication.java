package dev.oauthagent.testapps.authserver;

public class AuthServerApplication {
    public static void main(String[] args) {
    }
}
