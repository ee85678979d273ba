package fr.contact.eds.platform.rest;

import fr.contact.eds.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A JSON endpoint for the problem-body tests: the platform itself has none that takes a body. */
@Path("/test/echo")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class EchoResource {

    public record Note(String title, int count, List<Line> lines) {

        public Note {
            if (title != null && title.isBlank()) {
                throw new IllegalArgumentException("title must not be blank");
            }
        }
    }

    public record Line(long at) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Note echo(Note note) {
        return note;
    }

    @GET
    public Long number(@QueryParam("limit") Long limit) {
        return limit;
    }

    @GET
    @Path("/failure")
    public String failure() {
        throw new IllegalStateException("internal detail that must not leak");
    }
}
