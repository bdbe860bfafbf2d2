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
        long version) {

    public String fullName() {
        return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }
}
