using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Identity.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "idn_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    id_number = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    verified_at = table.Column<long>(type: "INTEGER", nullable: true),
                    verified_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    station_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    division_scope = table.Column<string>(type: "TEXT", nullable: false),
                    failed_sign_ins = table.Column<int>(type: "INTEGER", nullable: false),
                    lockouts = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    last_authenticator_step = table.Column<long>(type: "INTEGER", nullable: true),
                    deactivated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    deactivated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    id_number_index = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    phone_number_index = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", maxLength: 140, nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<long>(type: "INTEGER", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_enterprises",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    representative_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    agents = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    verified_at = table.Column<long>(type: "INTEGER", nullable: true),
                    verified_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    revoked_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_enterprises", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_oidc_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    client_secret = table.Column<string>(type: "TEXT", nullable: true),
                    client_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    concurrency_token = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    consent_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    display_name = table.Column<string>(type: "TEXT", nullable: true),
                    display_names = table.Column<string>(type: "TEXT", nullable: true),
                    json_web_key_set = table.Column<string>(type: "TEXT", nullable: true),
                    permissions = table.Column<string>(type: "TEXT", nullable: true),
                    post_logout_redirect_uris = table.Column<string>(type: "TEXT", nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    redirect_uris = table.Column<string>(type: "TEXT", nullable: true),
                    requirements = table.Column<string>(type: "TEXT", nullable: true),
                    settings = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_oidc_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_oidc_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    use = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    protected_key = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_oidc_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_oidc_scopes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    concurrency_token = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    descriptions = table.Column<string>(type: "TEXT", nullable: true),
                    display_name = table.Column<string>(type: "TEXT", nullable: true),
                    display_names = table.Column<string>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    resources = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_oidc_scopes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_one_time_codes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_one_time_codes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    lock_token = table.Column<Guid>(type: "TEXT", nullable: true),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_proxy_authorisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    principal_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_codes = table.Column<string>(type: "TEXT", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    basis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    granted_by = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_proxy_authorisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_recovery_codes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_recovery_codes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    authenticated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_seen_at = table.Column<long>(type: "INTEGER", nullable: false),
                    idle_timeout = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    device = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    network = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_upstream_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    issuer = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    protected_client_secret = table.Column<string>(type: "TEXT", nullable: true),
                    scopes = table.Column<string>(type: "TEXT", nullable: false),
                    level_map = table.Column<string>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_upstream_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idn_account_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_account_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_idn_account_claims_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "idn_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_account_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_account_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_idn_account_logins_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "idn_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_account_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_account_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_idn_account_tokens_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "idn_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_oidc_authorizations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    concurrency_token = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    creation_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    scopes = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_oidc_authorizations", x => x.id);
                    table.ForeignKey(
                        name: "fk_idn_oidc_authorizations_idn_oidc_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "idn_oidc_applications",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "idn_account_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_account_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_idn_account_roles_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "idn_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_idn_account_roles_idn_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "idn_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_idn_role_claims_idn_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "idn_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idn_oidc_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    authorization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    concurrency_token = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    creation_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    expiration_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    redemption_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reference_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idn_oidc_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_idn_oidc_tokens_idn_oidc_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "idn_oidc_applications",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_idn_oidc_tokens_idn_oidc_authorizations_authorization_id",
                        column: x => x.authorization_id,
                        principalTable: "idn_oidc_authorizations",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_idn_account_claims_user_id",
                table: "idn_account_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_idn_account_logins_user_id",
                table: "idn_account_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_idn_account_roles_role_id",
                table: "idn_account_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "idn_accounts",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_idn_accounts_id_number_index",
                table: "idn_accounts",
                column: "id_number_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_accounts_phone_number_index",
                table: "idn_accounts",
                column: "phone_number_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "idn_accounts",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_enterprises_credit_code",
                table: "idn_enterprises",
                column: "credit_code",
                unique: true,
                filter: "status = 2");

            migrationBuilder.CreateIndex(
                name: "ix_idn_enterprises_credit_code_status",
                table: "idn_enterprises",
                columns: new[] { "credit_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_idn_enterprises_representative_id",
                table: "idn_enterprises",
                column: "representative_id");

            migrationBuilder.CreateIndex(
                name: "ix_idn_oidc_applications_client_id",
                table: "idn_oidc_applications",
                column: "client_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_oidc_authorizations_application_id_status_subject_type",
                table: "idn_oidc_authorizations",
                columns: new[] { "application_id", "status", "subject", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_idn_oidc_keys_use_created_at",
                table: "idn_oidc_keys",
                columns: new[] { "use", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_idn_oidc_scopes_name",
                table: "idn_oidc_scopes",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_oidc_tokens_application_id_status_subject_type",
                table: "idn_oidc_tokens",
                columns: new[] { "application_id", "status", "subject", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_idn_oidc_tokens_authorization_id",
                table: "idn_oidc_tokens",
                column: "authorization_id");

            migrationBuilder.CreateIndex(
                name: "ix_idn_oidc_tokens_reference_id",
                table: "idn_oidc_tokens",
                column: "reference_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_one_time_codes_account_id_purpose",
                table: "idn_one_time_codes",
                columns: new[] { "account_id", "purpose" });

            migrationBuilder.CreateIndex(
                name: "ix_idn_outbox_messages_status_next_attempt_at",
                table: "idn_outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_idn_proxy_authorisations_agent_id",
                table: "idn_proxy_authorisations",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_idn_proxy_authorisations_principal_id",
                table: "idn_proxy_authorisations",
                column: "principal_id");

            migrationBuilder.CreateIndex(
                name: "ix_idn_recovery_codes_account_id",
                table: "idn_recovery_codes",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_idn_role_claims_role_id",
                table: "idn_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "idn_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idn_sessions_account_id",
                table: "idn_sessions",
                column: "account_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idn_account_claims");

            migrationBuilder.DropTable(
                name: "idn_account_logins");

            migrationBuilder.DropTable(
                name: "idn_account_roles");

            migrationBuilder.DropTable(
                name: "idn_account_tokens");

            migrationBuilder.DropTable(
                name: "idn_enterprises");

            migrationBuilder.DropTable(
                name: "idn_oidc_keys");

            migrationBuilder.DropTable(
                name: "idn_oidc_scopes");

            migrationBuilder.DropTable(
                name: "idn_oidc_tokens");

            migrationBuilder.DropTable(
                name: "idn_one_time_codes");

            migrationBuilder.DropTable(
                name: "idn_outbox_messages");

            migrationBuilder.DropTable(
                name: "idn_proxy_authorisations");

            migrationBuilder.DropTable(
                name: "idn_recovery_codes");

            migrationBuilder.DropTable(
                name: "idn_role_claims");

            migrationBuilder.DropTable(
                name: "idn_sessions");

            migrationBuilder.DropTable(
                name: "idn_upstream_settings");

            migrationBuilder.DropTable(
                name: "idn_accounts");

            migrationBuilder.DropTable(
                name: "idn_oidc_authorizations");

            migrationBuilder.DropTable(
                name: "idn_roles");

            migrationBuilder.DropTable(
                name: "idn_oidc_applications");
        }
    }
}
