from server.database.engine import Database
from server.repository import flow_runs
from tests.factories import make_flow, make_run


async def test_a_run_made_through_the_services_can_be_read_back(db: Database) -> None:
    flow_id = await make_flow(db)
    run_id = await make_run(db, flow_id)
    async with db.read() as conn:
        run = await flow_runs.get(conn, run_id)
    assert run is not None and run.state == "Scheduled" and run.version == 1
