-- Run once by the compose file's db-init service (sqlcmd as sa): the database and the login the
-- services use. $(ERDS_DB_PASSWORD) is a sqlcmd scripting variable, taken from the environment.
-- The schema itself is created by the services (EF Core migrations) when they start.
IF DB_ID(N'erds') IS NULL
    CREATE DATABASE erds;
GO
IF SUSER_ID(N'erds') IS NULL
    CREATE LOGIN erds WITH PASSWORD = N'$(ERDS_DB_PASSWORD)', CHECK_POLICY = ON;
ELSE
    ALTER LOGIN erds WITH PASSWORD = N'$(ERDS_DB_PASSWORD)';
GO
USE erds;
IF USER_ID(N'erds') IS NULL
    CREATE USER erds FOR LOGIN erds;
-- db_owner: the services apply migrations on start. With a separate migration step, db_datareader
-- and db_datawriter are enough for the services.
ALTER ROLE db_owner ADD MEMBER erds;
GO
