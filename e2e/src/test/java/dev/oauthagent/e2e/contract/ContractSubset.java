package dev.oauthagent.e2e.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On an {@link InjectionContract} subclass: the class runs the focused subset of the contract (the cases marked
 * {@link Member}: matched and unmatched hosts, a redirect across origins, the application's own header, a 401
 * {@code invalid_token} and its resend, fail-closed), for an older line of a library whose newest line runs the whole
 * contract, or for a framework that sends through a library the contract covers (Jersey, CXF). Keeps each library's
 * share of the CI time small while every line it supports is still proven end to end.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ContractSubset {

    /** A contract case that a {@link ContractSubset} class runs too. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Member {
    }

    /** Disables every case but the {@link Member}s in a {@link ContractSubset} class. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<Method> method = context.getTestMethod();
            boolean subset = context.getTestClass().map(type -> type.isAnnotationPresent(ContractSubset.class))
                    .orElse(false);
            if (!subset || method.isEmpty() || method.get().isAnnotationPresent(Member.class)) {
                return ConditionEvaluationResult.enabled("a case of the whole contract, or of the subset");
            }
            return ConditionEvaluationResult.disabled("an older line of the library runs the focused subset");
        }
    }
}
