package org.arrivals.attendee.importing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.arrivals.attendee.RegistrationStatus;

/**
 * The words registration systems export for a registration's status, in English, Spanish and
 * French, compared without case, accents, underscores or hyphens. Eventbrite writes "Attending",
 * "Checked In", "Not Attending", "Refunded", "Transferred"; pretix "Paid", "Pending", "Canceled",
 * "Expired"; Cvent "Accepted", "Declined", "Waitlisted"; Luma "approved", "declined",
 * "pending_approval", "waitlist"; Hi.Events "ACTIVE", "CANCELLED", "AWAITING_PAYMENT"; Indico
 * "Completed", "Pending", "Rejected", "Withdrawn", "Awaiting payment". Everything that is not
 * attending is a status the desk must confirm before printing (cancelled, refunded or pending).
 */
final class StatusWords {
    private StatusWords() {}

    private static final Map<String, RegistrationStatus> WORDS = new HashMap<>();

    private static void put(RegistrationStatus status, String... words) {
        for (String w : words) {
            WORDS.put(key(w), status);
        }
    }

    static {
        put(
                RegistrationStatus.ATTENDING,
                "attending",
                "accepted",
                "registered",
                "confirmed",
                "paid",
                "complete",
                "completed",
                "checked in",
                "checked-in",
                "active",
                "approved",
                "valid",
                "free",
                "going",
                "attended",
                // Spanish
                "asistirá",
                "asistente",
                "confirmado",
                "confirmada",
                "pagado",
                "pagada",
                "aprobado",
                "aprobada",
                "completado",
                "completada",
                "registrado",
                "registrada",
                "inscrito",
                "inscrita",
                "aceptado",
                "aceptada",
                "check-in realizado",
                "activo",
                "activa",
                // French
                "participe",
                "participera",
                "participant",
                "confirmé",
                "confirmée",
                "payé",
                "payée",
                "approuvé",
                "approuvée",
                "terminé",
                "terminée",
                "complété",
                "complétée",
                "enregistré",
                "enregistrée",
                "inscrit",
                "inscrite",
                "accepté",
                "acceptée",
                "actif",
                "active");
        put(
                RegistrationStatus.CANCELLED,
                "cancelled",
                "canceled",
                "not attending",
                "declined",
                "rejected",
                "not approved",
                "denied",
                "deleted",
                "void",
                "voided",
                "expired",
                "transferred",
                "withdrawn",
                // Spanish
                "no asistirá",
                "no asiste",
                "cancelado",
                "cancelada",
                "rechazado",
                "rechazada",
                "denegado",
                "denegada",
                "no aprobado",
                "no aprobada",
                "eliminado",
                "eliminada",
                "transferido",
                "transferida",
                "anulado",
                "anulada",
                "caducado",
                "caducada",
                "retirado",
                "retirada",
                // French
                "ne participe pas",
                "annulé",
                "annulée",
                "refusé",
                "refusée",
                "rejeté",
                "rejetée",
                "décliné",
                "déclinée",
                "non approuvé",
                "non approuvée",
                "supprimé",
                "supprimée",
                "transféré",
                "transférée",
                "expiré",
                "expirée",
                "retiré",
                "retirée");
        put(
                RegistrationStatus.REFUNDED,
                "refunded",
                "partially refunded",
                "reembolsado",
                "reembolsada",
                "parcialmente reembolsado",
                "remboursé",
                "remboursée",
                "partiellement remboursé");
        put(
                RegistrationStatus.PENDING,
                "pending",
                "unpaid",
                "waitlisted",
                "waitlist",
                "wait list",
                "waiting list",
                "on waitlist",
                "awaiting approval",
                "pending approval",
                "awaiting payment",
                "payment pending",
                "in progress",
                "incomplete",
                "invited",
                // Spanish
                "pendiente",
                "en lista de espera",
                "lista de espera",
                "pendiente de aprobación",
                "pendiente de pago",
                "sin pagar",
                "no pagado",
                // French
                "en attente",
                "liste d'attente",
                "sur liste d'attente",
                "en attente d'approbation",
                "en attente de paiement",
                "non payé",
                "impayé");
    }

    /** Lower case, no accents, underscores and hyphens read as spaces, runs of spaces as one. */
    static String key(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace('_', ' ')
                .replace('-', ' ')
                .replace('\u2019', '\'')
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** The status a word stands for; empty for a word no exporter uses (the caller decides). Blank is attending. */
    static Optional<RegistrationStatus> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(RegistrationStatus.ATTENDING);
        }
        String k = key(text);
        RegistrationStatus s = WORDS.get(k);
        if (s == null) {
            try {
                s = RegistrationStatus.valueOf(k.toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException notOurs) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }
}
