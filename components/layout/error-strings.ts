import { defineStrings } from "@/lib/i18n/strings";

export const errorStrings = defineStrings({
  en: {
    notFoundTitle: "Page not found",
    notFoundLead: "The page does not exist, or it is private and you do not have access to it.",
    goHome: "Go to the home page",
    errorTitle: "Something went wrong",
    errorLead:
      "An unexpected error stopped this page. Try again; if it keeps happening, tell the site administrators.",
    tryAgain: "Try again",
    reference: "Reference",
  },
  zh: {
    notFoundTitle: "页面不存在",
    notFoundLead: "该页面不存在，或者它是私有的而您没有访问权限。",
    goHome: "返回首页",
    errorTitle: "出错了",
    errorLead: "页面遇到意外错误。请重试；如果持续出现，请联系站点管理员。",
    tryAgain: "重试",
    reference: "参考编号",
  },
});
