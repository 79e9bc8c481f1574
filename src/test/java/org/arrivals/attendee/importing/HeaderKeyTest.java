package org.arrivals.attendee.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.arrivals.attendee.AttendeeField;
import org.junit.jupiter.api.Test;

class HeaderKeyTest {
    @Test
    void everySpellingOfANumberedColumnIsOneKey() {
        for (String h : new String[] {
            "Attendee #",
            "Attendee no.",
            "Attendee No",
            "attendee_number",
            "AttendeeNumber",
            "attendeeNo",
            "Attendee Nr."
        }) {
            assertThat(HeaderKey.key(h)).as(h).isEqualTo("attendeenumber");
        }
        assertThat(HeaderKey.key("N.º de pedido")).isEqualTo(HeaderKey.key("Nº de pedido"));
        assertThat(HeaderKey.key("N.º de pedido")).isEqualTo(HeaderKey.key("Número de pedido"));
        assertThat(HeaderKey.key("N° de commande")).isEqualTo("numberdecommande");
    }

    @Test
    void snakeCamelAndPunctuationAreTheSameHeader() {
        assertThat(HeaderKey.key("first_name")).isEqualTo(HeaderKey.key("First Name"));
        assertThat(HeaderKey.key("firstName")).isEqualTo(HeaderKey.key("FIRST NAME"));
        assertThat(HeaderKey.key("E-mail")).isEqualTo("email");
        assertThat(HeaderKey.key("approval_status")).isEqualTo("approvalstatus");
        assertThat(HeaderKey.key("Prénom")).isEqualTo("prenom");
    }

    @Test
    void namePartsAreReadUnderTheAttendeesNameOnly() {
        assertThat(HeaderKey.namePart("Attendee name: First name")).isEqualTo(AttendeeField.FIRST);
        assertThat(HeaderKey.namePart("Attendee name: Given name")).isEqualTo(AttendeeField.FIRST);
        assertThat(HeaderKey.namePart("Attendee name: Family name")).isEqualTo(AttendeeField.LAST);
        assertThat(HeaderKey.namePart("Attendee name: Title")).isEqualTo(AttendeeField.PREFIX);
        assertThat(HeaderKey.namePart("Attendee name: Middle name")).isEqualTo(AttendeeField.MIDDLE);
        assertThat(HeaderKey.namePart("Invoice address name: First name"))
                .as("the buyer")
                .isNull();
        assertThat(HeaderKey.namePart("Attendee name: Calling name")).isNull();
        assertThat(HeaderKey.namePart("First name")).isNull();
    }
}
