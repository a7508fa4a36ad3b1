import { createToken, createUser, uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";

test("the branches and tags page shows an annotated tag's message, and none for a lightweight tag", async ({
  page,
  request,
}) => {
  const user = await createUser();
  const auth = { Authorization: `Bearer ${await createToken(user.username, "write")}` };
  const name = uniqueName("tags");
  const id = `${user.username}/${name}`;
  expect((await request.post("/hf/api/repos/create", { headers: auth, data: { name } })).ok()).toBe(
    true,
  );
  for (const data of [{ tag: "v1.0", message: "First release\n\nWith notes." }, { tag: "v0.9" }]) {
    const created = await request.post(`/hf/api/models/${id}/tag/main`, { headers: auth, data });
    expect(created.ok(), await created.text()).toBe(true);
  }
  await page.goto(`/models/${id}/refs`);
  const tags = page.getByTestId("tag-list").getByRole("listitem");
  await expect(tags.filter({ hasText: "v1.0" }).getByTestId("tag-message")).toHaveText(
    "First release",
  );
  await expect(tags.filter({ hasText: "v0.9" }).getByTestId("tag-message")).toHaveCount(0);
});
