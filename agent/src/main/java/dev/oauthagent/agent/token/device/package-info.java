/**
 * The Device Authorization Grant (RFC 8628): a login for a program that runs where there is no browser. The
 * person opens a web page on any device and enters a short code; meanwhile the agent polls the token endpoint.
 * {@link dev.oauthagent.agent.token.device.DeviceFlow} is the entry point; the rest is one class per step: the
 * device authorization request and its answer, the instructions, the poll schedule, the progress display.
 */
package dev.oauthagent.agent.token.device;
