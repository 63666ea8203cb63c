package io.migration.common.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void matchesTheRfc9562Version5Example() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(Ids.nameBased(dns, "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    // Expected values computed independently with Python's uuid.uuid5 in our namespace.
    @Test
    void recipientIdsInOurNamespace() {
        assertThat(Ids.recipientId(42, "a@b.co")).isEqualTo(UUID.fromString("3f8ce75e-a1d4-5589-90d7-10b3efb88c79"));
        assertThat(Ids.recipientId(1, "élodie@exämple.org"))
                .isEqualTo(UUID.fromString("0be3318e-2928-5dbf-97d1-b49af5e16d37"));
        assertThat(Ids.recipientId(7, "😀@x.io")).isEqualTo(UUID.fromString("f97ab252-61d9-5fff-8ea1-1d13163cea82"));
    }

    @Test
    void activityIdsInOurNamespace() {
        assertThat(Ids.activityId(ActivityKind.OPEN, 123))
                .isEqualTo(UUID.fromString("0a77b607-de62-5a1b-a7f6-b4defbbca8f8"));
        assertThat(Ids.activityId(ActivityKind.BOUNCE, 9007199254740993L))
                .isEqualTo(UUID.fromString("14416e34-23f1-5498-a955-e2dcfe30230f"));
        assertThat(Ids.nameBased("open:123")).isEqualTo(Ids.activityId(ActivityKind.OPEN, 123));
    }

    @Test
    void versionAndVariant() {
        UUID id = Ids.nameBased("anything");
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void kindLabelsAndTables() {
        assertThat(ActivityKind.CLICK.label()).isEqualTo("click");
        assertThat(ActivityKind.UNSUBSCRIBE.sourceTable()).isEqualTo("recipient_unsubscribes");
        assertThat(RejectReason.BLANK_FIELD_NAME.code()).isEqualTo("blank_field_name");
        assertThat(RejectReason.ORPHAN_RECIPIENT.code()).isEqualTo("orphan_recipient");
    }
}
