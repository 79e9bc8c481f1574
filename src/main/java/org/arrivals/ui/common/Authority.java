package org.arrivals.ui.common;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.arrivals.audit.Role;

/**
 * How a screen gets the authority for an action its user may not have: the kiosk asks for the
 * PIN of a role that allows {@code needed} (the {@link PinGate}) and then runs the action with the
 * role whose PIN was given, which the audit log records.
 */
@FunctionalInterface
public interface Authority {
    void ask(String why, Role needed, Consumer<Role> then);

    /**
     * As {@link #ask}, for an action that also needs a reason a person types (recorded with it):
     * {@code then} gets the role whose PIN was given and the reason.
     */
    /** Asks a person to confirm an action ({@code question}, a button {@code yes}); runs it when they do. */
    default void confirm(String question, String yes, Runnable then) {
        then.run();
    }

    default void askWithReason(String why, String reasonPrompt, Role needed, BiConsumer<Role, String> then) {
        ask(why, needed, role -> then.accept(role, ""));
    }
}
