package org.deskcrm.model.user;

public record Team(Long id, String name, Long supervisorId, long version) {
}
