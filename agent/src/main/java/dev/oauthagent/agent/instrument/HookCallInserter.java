package dev.oauthagent.agent.instrument;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Inserts one {@link HookPoint}'s static call into one method as ASM visits it. The inserted code never
 * branches, and stores only into the method's own parameter slots, values of the parameter's declared type, so
 * the method's existing stack map frames stay valid; the one frame it adds is that of the catch-all handler of
 * {@link HookPoint.Position#EXIT_OR_THROW}, which holds only {@code this} (javac never reassigns local 0) and the
 * throwable.
 */
final class HookCallInserter extends MethodVisitor {
    private static final String THROWABLE = "java/lang/Throwable";

    private final String owner;
    private final boolean isStatic;
    private final HookPoint point;
    private final Type[] parameters;
    private final Label start = new Label();

    HookCallInserter(MethodVisitor next, String owner, int access, HookPoint point) {
        super(Opcodes.ASM9, next);
        this.owner = owner;
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.point = point;
        this.parameters = Type.getArgumentTypes(point.methodDescriptor);
    }

    @Override
    public void visitCode() {
        super.visitCode();
        if (point.position == HookPoint.Position.ENTRY) {
            call();
        } else if (point.position == HookPoint.Position.EXIT_OR_THROW) {
            super.visitLabel(start);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (isExitPoint(opcode)) {
            call();
        }
        super.visitInsn(opcode);
    }

    private boolean isExitPoint(int opcode) {
        switch (point.position) {
            case EXIT:
            case EXIT_OR_THROW:
                return opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN;
            case EXIT_REPLACING_RETURN_VALUE:
                return opcode == (returnsBoolean() ? Opcodes.IRETURN : Opcodes.ARETURN);
            default:
                return false;
        }
    }

    private boolean returnsBoolean() {
        return Type.getReturnType(point.methodDescriptor).getSort() == Type.BOOLEAN;
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (point.position == HookPoint.Position.EXIT_OR_THROW) {
            // Registered last, so every handler of the method's own comes first: this one sees only what
            // leaves the method.
            Label end = new Label();
            Label handler = new Label();
            super.visitLabel(end);
            super.visitLabel(handler);
            Object[] locals = isStatic ? new Object[0] : new Object[] {owner};
            super.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {THROWABLE});
            call();
            super.visitInsn(Opcodes.ATHROW);
            super.visitTryCatchBlock(start, end, handler, THROWABLE);
        }
        // The returned value or the throwable, one slot per value pushed (a long or double would take two), and
        // the three of a range's adjustment.
        super.visitMaxs(maxStack + 2 * point.values.size() + 3, maxLocals);
    }

    private void call() {
        for (HookPoint.Value value : point.values) {
            push(value);
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, point.hookOwner, point.hookName, point.hookDescriptor, false);
        if (point.position == HookPoint.Position.EXIT_REPLACING_RETURN_VALUE && !returnsBoolean()) {
            super.visitTypeInsn(Opcodes.CHECKCAST, Type.getReturnType(point.methodDescriptor).getInternalName());
        } else if (point.replaced.length == 1) {
            storeArgument(point.replaced[0]);
        } else if (point.replaced.length == 3) {
            storeRange(point.replaced[0], point.replaced[1], point.replaced[2]);
        }
    }

    /** The result on the stack becomes the argument: same type in the same slot, so every frame stays valid. */
    private void storeArgument(int index) {
        Type type = parameters[index];
        if (!Type.getReturnType(point.hookDescriptor).equals(type)) {
            super.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
        }
        super.visitVarInsn(Opcodes.ASTORE, slotOf(index));
    }

    /**
     * The result array on the stack becomes the range: offset and length first, from the owner's
     * {@code offsetAfter}/{@code lengthAfter} (each given the result, the original array and the old value),
     * then the array itself.
     */
    private void storeRange(int array, int offset, int length) {
        String adjust = "([B[BI)I";
        super.visitInsn(Opcodes.DUP);
        super.visitVarInsn(Opcodes.ALOAD, slotOf(array));
        super.visitVarInsn(Opcodes.ILOAD, slotOf(length));
        super.visitMethodInsn(Opcodes.INVOKESTATIC, point.hookOwner, "lengthAfter", adjust, false);
        super.visitVarInsn(Opcodes.ISTORE, slotOf(length));
        super.visitInsn(Opcodes.DUP);
        super.visitVarInsn(Opcodes.ALOAD, slotOf(array));
        super.visitVarInsn(Opcodes.ILOAD, slotOf(offset));
        super.visitMethodInsn(Opcodes.INVOKESTATIC, point.hookOwner, "offsetAfter", adjust, false);
        super.visitVarInsn(Opcodes.ISTORE, slotOf(offset));
        super.visitVarInsn(Opcodes.ASTORE, slotOf(array));
    }

    private void push(HookPoint.Value value) {
        switch (value.kind) {
            case HookPoint.Value.THIS:
                super.visitVarInsn(Opcodes.ALOAD, 0);
                break;
            case HookPoint.Value.FIELD:
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitFieldInsn(Opcodes.GETFIELD, owner, value.name, value.descriptor);
                break;
            default:
                super.visitVarInsn(parameters[value.index].getOpcode(Opcodes.ILOAD), slotOf(value.index));
        }
    }

    private int slotOf(int parameterIndex) {
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < parameterIndex; i++) {
            slot += parameters[i].getSize();
        }
        return slot;
    }
}
