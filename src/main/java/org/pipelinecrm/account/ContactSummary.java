package org.pipelinecrm.account;

public record ContactSummary(
        long id,
        long accountId,
        String firstName,
        String lastName,
        String email,
        String phone,
        String title,
        BuyingRole buyingRole,
        long version,
        java.util.Map<String, Object> customFields) {

    /** The same contact with the values of its active custom fields. */
    ContactSummary withCustomFields(java.util.Map<String, Object> values) {
        return new ContactSummary(id, accountId, firstName, lastName, email, phone, title, buyingRole, version, values);
    }

    public String fullName() {
        return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }
}
