/**
 * Classes that instrumented JDK classes must see. Appended to the bootstrap class path at premain;
 * java.base types only, no dependencies.
 */
package dev.oauthagent.bootstrap;
