package dev.oauthagent.testapps.resourceserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Counts each /api request by the status it ended with, once the rest of the chain has answered. */
final class RequestCountingFilter extends OncePerRequestFilter {
    private final RequestStats stats;

    RequestCountingFilter(RequestStats stats) {
        this.stats = stats;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            stats.record(response.getStatus());
        }
    }
}
