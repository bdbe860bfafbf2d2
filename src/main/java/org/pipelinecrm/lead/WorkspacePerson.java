package org.pipelinecrm.lead;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.pipelinecrm.identity.People;

/** A user id of the current workspace (or none); a made-up id or another workspace's is not. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WorkspacePerson.Check.class)
@interface WorkspacePerson {

    String message() default "{lead.owner.unknown}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WorkspacePerson, Long> {

        private final People people;

        public Check(People people) {
            this.people = people;
        }

        @Override
        public boolean isValid(Long id, ConstraintValidatorContext context) {
            // People reads under the workspace's row-level security: another workspace's user is not found.
            return id == null || people.findUser(id).isPresent();
        }
    }
}
