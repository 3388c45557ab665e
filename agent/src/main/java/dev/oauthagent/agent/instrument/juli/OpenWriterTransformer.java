package dev.oauthagent.agent.instrument.juli;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

import java.security.ProtectionDomain;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/** Applies {@link WriterStreamWrapping} to {@code FileHandler.openWriter()}, and to no other method. */
final class OpenWriterTransformer implements AgentBuilder.Transformer {
    static final String METHOD = "openWriter";

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription typeDescription,
                                            ClassLoader classLoader, JavaModule module,
                                            ProtectionDomain protectionDomain) {
        return builder.visit(new AsmVisitorWrapper.ForDeclaredMethods()
                .method(named(METHOD).and(takesArguments(0)), new WriterStreamWrapping()));
    }
}
